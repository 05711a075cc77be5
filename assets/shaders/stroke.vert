// Strokes: each vertex is pushed along its miter vector by the half width in pixels
// (+1 px for the anti-aliased fringe), so the width never changes with zoom.
#version 330 core
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_extrude;
layout(location = 2) in float a_side;
uniform vec2 u_centerHi;
uniform vec2 u_centerLo;
uniform vec2 u_scale;
uniform vec2 u_pixel;      // 2 / viewport size: one pixel in NDC
uniform float u_halfWidth; // pixels
out float v_side;
void main()
{
    vec2 p = ((a_pos - u_centerHi) - u_centerLo) * u_scale;
    p += a_extrude * (u_halfWidth + 1.0) * u_pixel;
    v_side = a_side;
    gl_Position = vec4(p, 0.0, 1.0);
}
