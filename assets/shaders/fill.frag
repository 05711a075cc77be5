// Polygon fills: one colour per layer, or a palette entry per feature.
#version 330 core
uniform vec4 u_color;
uniform vec4 u_palette[5];
uniform int u_usePalette;
flat in int v_class;
out vec4 o_color;
void main()
{
    o_color = u_usePalette != 0 ? u_palette[clamp(v_class, 0, 4)] : u_color;
}
