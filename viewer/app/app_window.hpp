// The interactive window: SDL video, a resizable high-DPI OpenGL 3.3 core window, and
// Dear ImGui (SDL2 + OpenGL3 backends) with a TTF that covers the names on the map.
#pragma once
#include "viewer/app/imgui_input.hpp"

#include <SDL.h>

#include <string>

namespace viewer {

class AppWindow {
public:
    // Opens the window (`width` x `height` points). Throws geo::Error with one line on failure.
    AppWindow(const std::string& title, int width, int height, int msaaSamples = 0);
    ~AppWindow();
    AppWindow(const AppWindow&) = delete;
    AppWindow& operator=(const AppWindow&) = delete;

    SDL_Window* sdl() const { return m_window; }
    void windowSize(int& w, int& h) const { SDL_GetWindowSize(m_window, &w, &h); }
    void drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }
    // ImGui reads the pointer as this frame's events left it (imgui_input.hpp).
    void beginImGuiFrame(const ImGuiPointer& pointer);
    void renderImGui();
    void swap() { SDL_GL_SwapWindow(m_window); }

private:
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_context = nullptr;
    bool m_imgui = false;
};

} // namespace viewer
