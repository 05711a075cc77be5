// Polygon fills: float offsets from the layer origin; the view centre arrives split into
// hi + lo floats (computed in double on the CPU) so there is no jitter far from the origin.
#version 330 core
layout(location = 0) in vec2 a_pos;
uniform vec2 u_centerHi;
uniform vec2 u_centerLo;
uniform vec2 u_scale;
void main()
{
    vec2 p = ((a_pos - u_centerHi) - u_centerLo) * u_scale;
    gl_Position = vec4(p, 0.0, 1.0);
}
