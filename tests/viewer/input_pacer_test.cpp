// Input pacing for ImGui 1.86 (viewer/app/input_pacer.cpp): a key or a mouse button changes
// state at most once per frame, a click or a wheel notch is judged where the pointer was when
// it happened (never in the frame of the motion that brought the pointer there), and every
// event arrives once, in order.
#include "viewer/app/input_pacer.hpp"

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

void pushButton(Uint32 type, Uint8 button, int x, int y)
{
    SDL_Event e{};
    e.type = type;
    e.button.button = button;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.x = x;
    e.button.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

void pushMotion(int x, int y)
{
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

void pushWheel(int notches)
{
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = notches;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

// The events of one frame's batch: keys as "+A" (down) / "-A" (up), mouse buttons as
// "+L@x,y" / "-L@x,y", motion as "m@x,y", wheel notches as "w+1".
std::vector<std::string> batch(InputPacer& pacer)
{
    std::vector<std::string> out;
    SDL_Event e;
    while (pacer.next(e)) {
        const auto at = [](int x, int y) { return "@" + std::to_string(x) + "," + std::to_string(y); };
        if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP)
            out.push_back((e.type == SDL_KEYDOWN ? "+" : "-") + std::string(SDL_GetScancodeName(e.key.keysym.scancode)));
        else if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP)
            out.push_back((e.type == SDL_MOUSEBUTTONDOWN ? "+" : "-") +
                          std::string(e.button.button == SDL_BUTTON_LEFT ? "L" : "R") + at(e.button.x, e.button.y));
        else if (e.type == SDL_MOUSEMOTION)
            out.push_back("m" + at(e.motion.x, e.motion.y));
        else if (e.type == SDL_MOUSEWHEEL)
            out.push_back("w" + std::string(e.wheel.y > 0 ? "+" : "") + std::to_string(e.wheel.y));
    }
    return out;
}

// SDL's event queue for one test case, empty at both ends.
struct EventQueue {
    EventQueue()
    {
        REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
        SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    }
    ~EventQueue() { SDL_QuitSubSystem(SDL_INIT_EVENTS); }
};

} // namespace

TEST_CASE("a key press and release in one frame reach the UI in two frames, nothing lost or reordered")
{
    EventQueue queue;
    InputPacer pacer;
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
}

TEST_CASE("a modifier never changes after a key press in its frame: Ctrl+A stays Ctrl+A")
{
    EventQueue queue;
    InputPacer pacer;
    // The frame ended between Ctrl and A (a busy machine): A and Ctrl's release came together.
    push(SDL_KEYDOWN, SDL_SCANCODE_LCTRL);
    CHECK(batch(pacer) == std::vector<std::string>{"+Left Ctrl"});
    push(SDL_KEYDOWN, SDL_SCANCODE_A);
    push(SDL_KEYUP, SDL_SCANCODE_LCTRL);
    push(SDL_KEYUP, SDL_SCANCODE_A);
    CHECK(batch(pacer) == std::vector<std::string>{"+A"});
    CHECK(batch(pacer) == std::vector<std::string>{"-Left Ctrl", "-A"});
    // Shift pressed after a letter in the same frame would shift the letter already typed.
    push(SDL_KEYDOWN, SDL_SCANCODE_B);
    push(SDL_KEYDOWN, SDL_SCANCODE_LSHIFT);
    CHECK(batch(pacer) == std::vector<std::string>{"+B"});
    CHECK(batch(pacer) == std::vector<std::string>{"+Left Shift"});
    // A release before a modifier's release is harmless and stays in one frame.
    push(SDL_KEYUP, SDL_SCANCODE_B);
    push(SDL_KEYUP, SDL_SCANCODE_LSHIFT);
    CHECK(batch(pacer) == std::vector<std::string>{"-B", "-Left Shift"});
}

TEST_CASE("a quick click: the move, the press and the release each in a frame of their own")
{
    EventQueue queue;
    InputPacer pacer;
    // `xdotool mousemove X Y click 1` within one slow frame, from over a panel onto the map.
    pushMotion(300, 200);
    pushMotion(310, 205);
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 310, 205);
    pushButton(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 310, 205);
    CHECK(batch(pacer) == std::vector<std::string>{"m@300,200", "m@310,205"});
    CHECK(pacer.holding());
    CHECK(batch(pacer) == std::vector<std::string>{"+L@310,205"});
    CHECK(batch(pacer) == std::vector<std::string>{"-L@310,205"});
    CHECK_FALSE(pacer.holding());
    CHECK(batch(pacer).empty());

    // A double click: four frames, the second press still reads as a press.
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 310, 205);
    pushButton(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 310, 205);
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 310, 205);
    pushButton(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 310, 205);
    CHECK(batch(pacer) == std::vector<std::string>{"+L@310,205"});
    CHECK(batch(pacer) == std::vector<std::string>{"-L@310,205"});
    CHECK(batch(pacer) == std::vector<std::string>{"+L@310,205"});
    CHECK(batch(pacer) == std::vector<std::string>{"-L@310,205"});

    // Different buttons may change together; a key does not split a click.
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 310, 205);
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, 310, 205);
    push(SDL_KEYDOWN, SDL_SCANCODE_LSHIFT);
    CHECK(batch(pacer) == std::vector<std::string>{"+L@310,205", "+R@310,205", "+Left Shift"});
}

TEST_CASE("a quick drag: the press, the motion and the release in frames of their own, the motion together")
{
    EventQueue queue;
    InputPacer pacer;
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 100, 100);
    for (int i = 1; i <= 3; ++i) pushMotion(100 + 10 * i, 100 + 5 * i);
    pushButton(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 130, 115);
    CHECK(batch(pacer) == std::vector<std::string>{"+L@100,100"});
    CHECK(batch(pacer) == std::vector<std::string>{"m@110,105", "m@120,110", "m@130,115"});
    CHECK(batch(pacer) == std::vector<std::string>{"-L@130,115"});
    CHECK(batch(pacer).empty());
}

TEST_CASE("a fast wheel flick: every notch arrives, in one frame, after the move that came first")
{
    EventQueue queue;
    InputPacer pacer;
    pushMotion(512, 350);
    for (int i = 0; i < 3; ++i) pushWheel(1);
    pushMotion(520, 350);
    pushWheel(-1);
    pushButton(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 520, 350);
    CHECK(batch(pacer) == std::vector<std::string>{"m@512,350"});
    CHECK(batch(pacer) == std::vector<std::string>{"w+1", "w+1", "w+1"});
    CHECK(batch(pacer) == std::vector<std::string>{"m@520,350"});
    CHECK(batch(pacer) == std::vector<std::string>{"w-1"});
    CHECK(batch(pacer) == std::vector<std::string>{"+L@520,350"});
    CHECK(batch(pacer).empty());
}
