// Keys every modal dialog answers alike. ImGui 1.86 leaves Esc to the app in modals, so
// without this a dialog could only be left with the mouse (issue 18).
#pragma once
#include <imgui.h>

namespace viewer {

// Inside BeginPopupModal/EndPopup: true in the frame Esc is pressed while this dialog has the
// focus. The caller treats it as its Cancel (or its safe answer).
inline bool modalCancelPressed()
{
    return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

} // namespace viewer
