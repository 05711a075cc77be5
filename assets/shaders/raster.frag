// Raster layers: the image (straight alpha) times the layer opacity.
#version 330 core
uniform sampler2D u_texture;
uniform float u_opacity;
in vec2 v_uv;
out vec4 o_color;
void main()
{
    vec4 c = texture(u_texture, v_uv);
    o_color = vec4(c.rgb, c.a * u_opacity);
}
