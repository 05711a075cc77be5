// Point markers: signed distance to a circle gives a crisp disc, outline ring and halo.
#version 330 core
uniform float u_opacity;
in vec2 v_px;
flat in float v_radius;
flat in float v_outline;
flat in vec4 v_fill;
flat in vec4 v_stroke;
flat in vec4 v_halo;
flat in float v_haloWidth;
out vec4 o_color;
void main()
{
    float d = length(v_px);
    float inDisc = clamp(v_radius - d + 0.5, 0.0, 1.0);
    float inFill = clamp(v_radius - v_outline - d + 0.5, 0.0, 1.0);
    vec4 c = mix(v_stroke, v_fill, v_outline > 0.0 ? inFill : 1.0);
    c.a *= inDisc;
    if (v_haloWidth > 0.0 && v_halo.a > 0.0) {
        float inHalo = clamp(v_radius + v_haloWidth - d + 0.5, 0.0, 1.0) * (1.0 - inDisc);
        c = vec4(mix(v_halo.rgb, c.rgb, inDisc), c.a + v_halo.a * inHalo);
    }
    o_color = vec4(c.rgb, c.a * u_opacity);
}
