// Point markers: one instanced quad per point, sized in pixels around the projected point.
#version 330 core
layout(location = 0) in vec2 a_corner;   // -1..1
layout(location = 1) in vec2 a_pos;      // offset from the origin, map units
layout(location = 2) in float a_size;    // disc diameter, px
layout(location = 3) in float a_outline; // outline width, px
layout(location = 4) in vec4 a_fill;
layout(location = 5) in vec4 a_stroke;
layout(location = 6) in vec4 a_halo;
layout(location = 7) in float a_haloWidth;
uniform vec2 u_centerHi;
uniform vec2 u_centerLo;
uniform vec2 u_scale;
uniform vec2 u_pixel;
uniform float u_sizeScale; // pixels per style pixel (UI scale, high-DPI)
out vec2 v_px;
flat out float v_radius;
flat out float v_outline;
flat out vec4 v_fill;
flat out vec4 v_stroke;
flat out vec4 v_halo;
flat out float v_haloWidth;
void main()
{
    float size = a_size * u_sizeScale, halo = a_haloWidth * u_sizeScale;
    float extent = size * 0.5 + halo + 1.0;
    vec2 p = ((a_pos - u_centerHi) - u_centerLo) * u_scale;
    p += a_corner * extent * u_pixel;
    v_px = a_corner * extent;
    v_radius = size * 0.5;
    v_outline = a_outline * u_sizeScale;
    v_fill = a_fill;
    v_stroke = a_stroke;
    v_halo = a_halo;
    v_haloWidth = halo;
    gl_Position = vec4(p, 0.0, 1.0);
}
