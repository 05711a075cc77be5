// Strokes: coverage from the distance to the centre line, in pixels (shader AA).
#version 330 core
uniform vec4 u_color;
uniform float u_halfWidth;
in float v_side;
out vec4 o_color;
void main()
{
    float d = abs(v_side) * (u_halfWidth + 1.0);
    float coverage = clamp(u_halfWidth + 0.5 - d, 0.0, 1.0);
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
