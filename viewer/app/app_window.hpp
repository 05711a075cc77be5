// The interactive window: SDL video, a resizable high-DPI OpenGL 3.3 core window, and
// Dear ImGui (SDL2 + OpenGL3 backends) with a TTF that covers the names on the map.
#pragma once
#include "viewer/app/imgui_input.hpp"
#include "viewer/app/ui_scale.hpp"
#include "viewer/ui/ui_fonts.hpp"
#include "viewer/app/window_geometry.hpp"

#include <SDL.h>

#include <string>

namespace viewer {

class AppWindow {
public:
    // Opens the window: `size` (points, centred) when given; else as remembered in `configDir`
    // (window.json, and the panels in imgui.ini), else fitted to the display's usable area.
    // `configDir` "" remembers nothing. Throws geo::Error with one line on failure.
    // `uiScale`: --ui-scale (0 = ATLAS_UI_SCALE, else the display's; viewer/app/ui_scale.hpp).
    AppWindow(const std::string& title, std::optional<ScreenRect> size, const std::string& configDir, int msaaSamples = 0,
              double uiScale = 0);
    ~AppWindow();
    AppWindow(const AppWindow&) = delete;
    AppWindow& operator=(const AppWindow&) = delete;

    SDL_Window* sdl() const { return m_window; }
    void windowSize(int& w, int& h) const { SDL_GetWindowSize(m_window, &w, &h); }
    void drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }
    // Window points per ImGui unit (a layout pixel), chosen when the window opened and again
    // when it moves to another display or the system's scale changes.
    const UiScale& uiScale() const { return m_uiScale; }
    float fontPixels() const { return kUiFontPx * m_fontPixelsPerUnit; } // the UI font (the TTF) as rasterised
    // ImGui reads the pointer as this frame's events left it (imgui_input.hpp), and lays out
    // in layout pixels: the display size and the pointer divided by the UI scale.
    void beginImGuiFrame(const ImGuiPointer& pointer);
    void renderImGui();
    void swap() { SDL_GL_SwapWindow(m_window); }
    // Where the window is now (points), for window.json and the state dump.
    WindowGeometry geometry() const;
    // Writes window.json (when a config folder was given); the panels go to imgui.ini as ImGui closes.
    void rememberGeometry() const;

private:
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_context = nullptr;
    void followDisplay(); // the UI scale and the font for the display the window is on now
    bool m_imgui = false;
    UiScale m_uiScale;
    double m_uiScaleOption = 0; // --ui-scale
    int m_display = -1;         // the display index the scale was chosen for
    double m_ratio = 1;         // drawable pixels per window point when it was
    float m_fontPixelsPerUnit = 1;
    bool m_framesBegun = false;
    std::string m_configDir;
    std::string m_iniPath; // ImGui keeps the pointer: it must live as long as the context
};

} // namespace viewer
