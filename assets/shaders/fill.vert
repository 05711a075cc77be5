// Polygon fills: float offsets from the layer origin; the view centre arrives split into
// hi + lo floats (computed in double on the CPU) so there is no jitter far from the origin.
#version 330 core
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_class;
uniform vec2 u_centerHi;
uniform vec2 u_centerLo;
uniform vec2 u_scale;
flat out int v_class;
void main()
{
    vec2 p = ((a_pos - u_centerHi) - u_centerLo) * u_scale;
    v_class = int(a_class + 0.5);
    gl_Position = vec4(p, 0.0, 1.0);
}
