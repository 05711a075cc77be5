// Colours and rounding of the UI; the contrast measure the style test checks them with.
#include "viewer/ui/ui_style.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {

ImVec4 over(ImVec4 c, ImVec4 under)
{
    const float a = c.w;
    return ImVec4(c.x * a + under.x * (1 - a), c.y * a + under.y * (1 - a), c.z * a + under.z * (1 - a), 1);
}

float luminance(ImVec4 c)
{
    auto lin = [](float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
}

} // namespace

float contrastRatio(ImVec4 a, ImVec4 b, ImVec4 under)
{
    const float la = luminance(over(a, under)), lb = luminance(over(b, under));
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void applyUiStyle(ImGuiStyle& style)
{
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    // Text fields, checkboxes and combos: a grey-blue well with an outline, readable on the
    // grey panels and on the white dialogs alike.
    ImVec4* c = style.Colors;
    c[ImGuiCol_FrameBg] = ImVec4(0.82f, 0.84f, 0.88f, 1);
    c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.35f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.45f, 0.45f, 1); // hints in those fields, too
    style.FrameBorderSize = 1;
}

} // namespace viewer
