// ImGui's pointer from the events (viewer/app/imgui_input.cpp): the position and buttons the
// last events carried, not SDL's live state; off the window once the pointer left it.
#include "viewer/app/imgui_input.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace viewer;

namespace {
SDL_Event mouseEvent(Uint32 type, int x, int y, Uint8 button = SDL_BUTTON_LEFT)
{
    SDL_Event e{};
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.button = button;
        e.button.x = x;
        e.button.y = y;
    }
    return e;
}

// A context of its own, so the test leaves none behind.
struct ImGuiContextScope {
    ImGuiContextScope() : ctx(ImGui::CreateContext()) {}
    ~ImGuiContextScope() { ImGui::DestroyContext(ctx); }
    ImGuiContext* ctx;
};
} // namespace

TEST_CASE("ImGui sees the pointer and buttons the events left, not the live state")
{
    ImGuiContextScope scope;
    ImGuiIO& io = ImGui::GetIO();
    ImGuiPointer pointer;
    io.MousePos = ImVec2(7, 7); // the backend's live reading
    pointer.applyTo(io);
    CHECK(io.MousePos.x == 7); // no mouse event yet: left alone

    pointer.track(mouseEvent(SDL_MOUSEMOTION, 300, 200));
    pointer.track(mouseEvent(SDL_MOUSEBUTTONDOWN, 310, 205));
    io.MousePos = ImVec2(900, 10); // the live pointer has already moved on
    io.MouseDown[0] = false;       // ... and the button is already up
    pointer.applyTo(io);
    CHECK(io.MousePos.x == 310);
    CHECK(io.MousePos.y == 205);
    CHECK(io.MouseDown[0]);
    CHECK_FALSE(io.MouseDown[1]);

    pointer.track(mouseEvent(SDL_MOUSEBUTTONUP, 310, 205));
    pointer.track(mouseEvent(SDL_MOUSEBUTTONDOWN, 310, 205, SDL_BUTTON_RIGHT));
    pointer.applyTo(io);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MouseDown[1]);
    pointer.track(mouseEvent(SDL_MOUSEBUTTONUP, 310, 205, SDL_BUTTON_RIGHT));

    SDL_Event leave{};
    leave.type = SDL_WINDOWEVENT;
    leave.window.event = SDL_WINDOWEVENT_LEAVE;
    pointer.track(leave);
    pointer.applyTo(io);
    CHECK_FALSE(ImGui::IsMousePosValid(&io.MousePos));
    pointer.track(mouseEvent(SDL_MOUSEMOTION, 5, 6));
    pointer.applyTo(io);
    CHECK(io.MousePos.x == 5);

    // Focus lost with the button down (Alt+Tab mid-drag): the release will never come.
    pointer.track(mouseEvent(SDL_MOUSEBUTTONDOWN, 5, 6));
    SDL_Event lost{};
    lost.type = SDL_WINDOWEVENT;
    lost.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    pointer.track(lost);
    pointer.applyTo(io);
    CHECK_FALSE(io.MouseDown[0]);
}
