// The keyboard and mouse shortcuts, as the F1 window lists them. Keep in step with
// viewer/app/navigation.cpp, file_actions.cpp and the menus (the e2e help test presses some).
#pragma once
#include <span>

namespace viewer {

struct Shortcut {
    const char* keys;
    const char* action;
};

std::span<const Shortcut> keyboardShortcuts();

} // namespace viewer
