// The UI scale's sources and their order (viewer/app/ui_scale.hpp).
#include "viewer/app/ui_scale.hpp"

#include <doctest/doctest.h>

using viewer::chooseUiScale;

TEST_CASE("ui scale: --ui-scale wins over ATLAS_UI_SCALE, which wins over the display")
{
    CHECK(chooseUiScale(1.5, "3", 192, 1).scale == 1.5);
    CHECK(chooseUiScale(1.5, "3", 192, 1).source == "--ui-scale");
    CHECK(chooseUiScale(0, "3", 192, 1).scale == 3);
    CHECK(chooseUiScale(0, "3", 192, 1).source == "ATLAS_UI_SCALE");
    CHECK(chooseUiScale(0, nullptr, 192, 1).scale == 2);
    CHECK(chooseUiScale(0, "", 192, 1).source == "display");
}

TEST_CASE("ui scale: the display's DPI in quarter steps; an ordinary screen is 1")
{
    CHECK(chooseUiScale(0, nullptr, 96, 1).scale == 1);
    CHECK(chooseUiScale(0, nullptr, 100, 1).scale == 1); // what Xvfb reports
    CHECK(chooseUiScale(0, nullptr, 110, 1).scale == 1);
    CHECK(chooseUiScale(0, nullptr, 119, 1).scale == 1);
    CHECK(chooseUiScale(0, nullptr, 100, 1).source == "default");
    CHECK(chooseUiScale(0, nullptr, 120, 1).scale == 1.25);
    CHECK(chooseUiScale(0, nullptr, 144, 1).scale == 1.5);
    CHECK(chooseUiScale(0, nullptr, 150, 1).scale == 1.5);
    CHECK(chooseUiScale(0, nullptr, 288, 1).scale == 3);
    CHECK(chooseUiScale(0, nullptr, 2000, 1).scale == viewer::kMaxUiScale);
    CHECK(chooseUiScale(0, nullptr, 0, 1).scale == 1); // unknown
}

TEST_CASE("ui scale: a drawable larger than the window is scaled by the system already")
{
    CHECK(chooseUiScale(0, nullptr, 192, 2).scale == 1);
    CHECK(chooseUiScale(2, nullptr, 192, 2).scale == 2); // asked for: on top of the system's
}

TEST_CASE("ui scale: a bad ATLAS_UI_SCALE is ignored with a warning")
{
    for (const char* bad : {"big", "0", "-1", "9", "2x", "nan"}) {
        const viewer::UiScale s = chooseUiScale(0, bad, 96, 1);
        CHECK(s.scale == 1);
        CHECK(s.warning.find("ATLAS_UI_SCALE") != std::string::npos);
    }
    CHECK(chooseUiScale(0, "1.75", 96, 1).warning.empty());
    CHECK(viewer::parseUiScale("0.5") == 0.5);
    CHECK_FALSE(viewer::parseUiScale("0.49"));
    CHECK_FALSE(viewer::parseUiScale(""));
}
