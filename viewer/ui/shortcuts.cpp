// The shortcut table: one list for the F1 window and the state dump.
#include "viewer/ui/shortcuts.hpp"

#include <array>

namespace viewer {

std::span<const Shortcut> keyboardShortcuts()
{
    static constexpr std::array<Shortcut, 19> kShortcuts{{
        {"Drag", "Pan the map"},
        {"Wheel", "Zoom in or out at the pointer"},
        {"Double click", "Zoom in at the pointer"},
        {"Click", "Select a compound or a feature"},
        {"+ / =", "Zoom in"},
        {"-", "Zoom out"},
        {"Arrow keys", "Pan"},
        {"Home", "Back to Cambodia and its neighbours"},
        {"Esc", "Clear the selection; end the measure tool; in a dialog: Cancel"},
        {"M", "Measure distance (click points; double click or Enter ends)"},
        {"Shift+M", "Measure area (click the corners)"},
        {"Enter (in search)", "Select the best match"},
        {"Ctrl+O", "Open files"},
        {"Ctrl+S", "Save the session"},
        {"Ctrl+Z", "Undo the last case edit"},
        {"F12", "Save a screenshot of the map"},
        {"Shift+F12", "Save a screenshot with the panels"},
        {"F1", "Show or hide this list"},
        {"Ctrl+Q", "Quit (a dialog open or not)"},
    }};
    return kShortcuts;
}

} // namespace viewer
