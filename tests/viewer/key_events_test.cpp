// Keyboard pacing for ImGui 1.86 (viewer/app/key_events.cpp): a key changes state at most
// once per frame (press and release, or release and press again, split over frames, in order);
// other events pass straight through.
#include "viewer/app/key_events.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace viewer;

namespace {

void push(Uint32 type, SDL_Scancode code)
{
    SDL_Event e{};
    e.type = type;
    e.key.keysym.scancode = code;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

// The key events of one frame's batch, as "+A" (down) / "-A" (up).
std::vector<std::string> batch(KeyEventPacer& pacer)
{
    std::vector<std::string> out;
    SDL_Event e;
    while (pacer.next(e))
        if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP)
            out.push_back((e.type == SDL_KEYDOWN ? "+" : "-") + std::string(SDL_GetScancodeName(e.key.keysym.scancode)));
    return out;
}

} // namespace

TEST_CASE("a press and release in one frame reach the UI in two frames, nothing lost or reordered")
{
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    KeyEventPacer pacer;
    // What `xdotool key ctrl+a Return` delivers at once.
    push(SDL_KEYDOWN, SDL_SCANCODE_LCTRL);
    push(SDL_KEYDOWN, SDL_SCANCODE_A);
    push(SDL_KEYUP, SDL_SCANCODE_A);
    push(SDL_KEYUP, SDL_SCANCODE_LCTRL);
    push(SDL_KEYDOWN, SDL_SCANCODE_RETURN);
    push(SDL_KEYUP, SDL_SCANCODE_RETURN);
    CHECK(batch(pacer) == std::vector<std::string>{"+Left Ctrl", "+A"});
    CHECK(pacer.holding());
    CHECK(batch(pacer) == std::vector<std::string>{"-A", "-Left Ctrl", "+Return"});
    CHECK(batch(pacer) == std::vector<std::string>{"-Return"});
    CHECK_FALSE(pacer.holding());
    CHECK(batch(pacer).empty());

    // A release whose press came in an earlier frame is not held back.
    push(SDL_KEYDOWN, SDL_SCANCODE_B);
    CHECK(batch(pacer) == std::vector<std::string>{"+B"});
    push(SDL_KEYUP, SDL_SCANCODE_B);
    push(SDL_KEYDOWN, SDL_SCANCODE_C);
    CHECK(batch(pacer) == std::vector<std::string>{"-B", "+C"});
    CHECK(batch(pacer).empty());

    // Two quick Backspaces: each press and each release in a frame of its own (a release and
    // a new press in one frame would read as the key held down, and the second one be lost).
    push(SDL_KEYUP, SDL_SCANCODE_C);
    push(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE);
    push(SDL_KEYUP, SDL_SCANCODE_BACKSPACE);
    push(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE);
    push(SDL_KEYUP, SDL_SCANCODE_BACKSPACE);
    CHECK(batch(pacer) == std::vector<std::string>{"-C", "+Backspace"});
    CHECK(batch(pacer) == std::vector<std::string>{"-Backspace"});
    CHECK(batch(pacer) == std::vector<std::string>{"+Backspace"});
    CHECK(batch(pacer) == std::vector<std::string>{"-Backspace"});
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
}
