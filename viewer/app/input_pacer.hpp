// Input events paced for Dear ImGui 1.86, which has no input queue: it reads keys and mouse
// buttons as "down during this frame" flags and the pointer as one position per frame, and the
// app decides who owns a mouse event from io.WantCaptureMouse, which the previous frame
// computed where the pointer was then. So within one frame's batch of events a press and its
// release would never be seen, a release and a new press look like a held key, and a click or
// wheel notch that follows a move off a panel is judged by where the pointer was before the
// move (under load a notch was dropped that way: e2e.viewer_navigation, "zoom factor 1.562").
// The pacer ends a frame's batch where an event would break one of these rules and hands that
// event over first in the next frame, as ImGui 1.87's input queue trickles fast input:
//   - a key, or a mouse button, changes state at most once per batch;
//   - a modifier (Ctrl, Shift, Alt, Super) never changes after a key press in its batch: ImGui
//     reads the modifiers once per frame, so Ctrl released in the frame of the A it held came
//     out as a plain A (Ctrl+A lost in e2e.keyboard_input under load);
//   - a mouse button change or a wheel notch never follows pointer motion in its batch (it is
//     judged where it happened), and motion never follows them (ImGui sees the press where it
//     was made);
//   - a button change and wheel notches do not share a batch.
// Wheel notches in one batch all pass: each one is applied (ImGui adds them up per frame).
#pragma once
#include <SDL.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace viewer {

class InputPacer {
public:
    // The next event of this frame's batch; false when the batch is over (SDL's queue is
    // empty, or an event the rules above keep for the next frame).
    bool next(SDL_Event& e);
    // True while an event is held for the next frame (the app must not sleep on it).
    bool holding() const { return m_held.has_value(); }

private:
    bool endsBatch(const SDL_Event& e) const;
    void note(const SDL_Event& e);
    void newBatch();

    std::optional<SDL_Event> m_held;
    std::vector<SDL_Scancode> m_keysChanged;
    bool m_keyPressed = false; // a key other than a modifier went down in this batch
    uint32_t m_buttonsChanged = 0; // bit per SDL mouse button
    bool m_moved = false;
    bool m_wheeled = false;
};

} // namespace viewer
