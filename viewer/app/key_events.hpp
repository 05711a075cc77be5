// Keyboard events paced for Dear ImGui 1.86, which reads keys as "down during this frame"
// flags: a press and its release inside one frame (xdotool, remote desktops, macro keys)
// would never be seen, a release and a new press in one frame look like a held key, and
// modifiers are read from SDL's state after the whole batch (Ctrl already up). The pacer
// ends a frame's batch where a key would change state a second time and hands that event
// over first in the next frame; the modifiers are taken from each event instead.
#pragma once
#include <SDL.h>

#include <optional>
#include <vector>

namespace viewer {

class KeyEventPacer {
public:
    // The next event of this frame's batch; false when the batch is over (SDL's queue is
    // empty, or a key event for a key that already changed state in this batch, kept for
    // the next frame).
    bool next(SDL_Event& e);
    // True while an event is held for the next frame (the app must not sleep on it).
    bool holding() const { return m_held.has_value(); }

private:
    std::optional<SDL_Event> m_held;
    std::vector<SDL_Scancode> m_changedThisBatch;
};

// After ImGui_ImplSDL2_ProcessEvent: Shift/Ctrl/Alt/Super as the key event carried them.
void syncImGuiModifiers(const SDL_Event& e);

} // namespace viewer
