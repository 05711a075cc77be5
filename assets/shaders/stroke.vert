// Strokes, one instance per segment a-b (prev and next are its neighbours for the joins):
// each end is pushed along its miter vector by the half width in pixels (+1 px for the
// anti-aliased fringe), so the width never changes with zoom. Segments touching a pad
// vertex (between parts, see viewer/render/layer_mesh.hpp) are dropped.
#version 330 core
layout(location = 0) in vec2 a_prev;
layout(location = 1) in vec2 a_a;
layout(location = 2) in vec2 a_b;
layout(location = 3) in vec2 a_next;
layout(location = 4) in float a_realA;
layout(location = 5) in float a_realB;
layout(location = 6) in vec2 a_corner; // x: -1 at a, +1 at b; y: side
uniform vec2 u_centerHi;
uniform vec2 u_centerLo;
uniform vec2 u_scale;
uniform vec2 u_pixel;      // 2 / viewport size: one pixel in NDC
uniform float u_halfWidth; // pixels
out float v_side;

vec2 normalOf(vec2 p, vec2 q)
{
    vec2 d = q - p;
    float len = length(d);
    return len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0);
}

// The extrusion at a vertex of this segment (normal `own`) joined to the neighbouring
// segment (normal `other`; zero at a line's end): the miter, or for a join sharper than the
// miter limit (3 half-widths) the segment's own normal, a bevel: a clamped miter would
// smear the anti-aliased fringe into spikes several pixels long.
vec2 join(vec2 other, vec2 own)
{
    if (other == vec2(0.0)) return own;
    vec2 m = other + own;
    float len = length(m);
    if (len < 1e-6) return own; // a full reversal
    m /= len;
    float scale = 1.0 / max(1e-6, dot(m, own));
    return scale > 3.0 ? own : m * scale;
}

void main()
{
    if (a_realA < 0.5 || a_realB < 0.5) {
        v_side = 0.0;
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume
        return;
    }
    vec2 n = normalOf(a_a, a_b);
    bool atB = a_corner.x > 0.0;
    vec2 here = atB ? a_b : a_a;
    vec2 extrude = atB ? join(normalOf(a_b, a_next), n) : join(normalOf(a_prev, a_a), n);
    vec2 p = ((here - u_centerHi) - u_centerLo) * u_scale;
    p += extrude * a_corner.y * (u_halfWidth + 1.0) * u_pixel;
    v_side = a_corner.y;
    gl_Position = vec4(p, 0.0, 1.0);
}
