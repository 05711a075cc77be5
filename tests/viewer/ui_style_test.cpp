// The UI style (viewer/ui/ui_style.cpp): text fields stand out from every background they are
// drawn on, dialogs included (issue 18: the file-name box was white on a white dialog), and
// their text stays readable.
#include "viewer/ui/ui_style.hpp"

#include <doctest/doctest.h>

using namespace viewer;

TEST_CASE("contrast ratio: black on white is 21, a colour on itself 1, alpha composites over the background")
{
    CHECK(contrastRatio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21));
    CHECK(contrastRatio(ImVec4(0.3f, 0.5f, 0.7f, 1), ImVec4(0.3f, 0.5f, 0.7f, 1)) == doctest::Approx(1));
    // Fully transparent black over white is white.
    CHECK(contrastRatio(ImVec4(0, 0, 0, 0), ImVec4(1, 1, 1, 1)) == doctest::Approx(1));
}

TEST_CASE("text fields stand out from windows, child areas and dialogs, and their text is readable")
{
    ImGuiStyle style;
    applyUiStyle(style);
    const ImVec4* c = style.Colors;
    const ImVec4 window = c[ImGuiCol_WindowBg];
    // A child area is drawn over its window; a dialog over whatever lies beneath (the map: white at worst).
    const ImVec4 backgrounds[] = {window, c[ImGuiCol_PopupBg], c[ImGuiCol_ChildBg]};
    const ImVec4 unders[] = {ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1), window};
    for (int i = 0; i < 3; ++i) {
        CAPTURE(i);
        const ImVec4 under = unders[i];
        // Composite the background first, then the field over it.
        const float a = backgrounds[i].w;
        const ImVec4 bg(backgrounds[i].x * a + under.x * (1 - a), backgrounds[i].y * a + under.y * (1 - a),
                        backgrounds[i].z * a + under.z * (1 - a), 1);
        CHECK(contrastRatio(c[ImGuiCol_FrameBg], bg, bg) >= 1.25f);
    }
    CHECK(style.FrameBorderSize >= 1);
    CHECK(contrastRatio(c[ImGuiCol_Text], c[ImGuiCol_FrameBg]) >= 7);
    CHECK(contrastRatio(c[ImGuiCol_TextDisabled], c[ImGuiCol_FrameBg]) >= 2.5f);
}
