// SDL + GL context + ImGui lifetime. MSAA (off by default: strokes, markers and labels are
// anti-aliased in their shaders) is asked for when wanted and dropped when the display lacks it.
// The UI scale is applied here once: ImGui sees a display UI-scale times smaller and renders it
// through a framebuffer scale that much bigger, so every size written in the panels scales.
#include "viewer/app/app_window.hpp"
#include "viewer/app/display_dpi.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/ui/ui_fonts.hpp"
#include "viewer/ui/ui_style.hpp"

#include "geo/error.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace viewer {

namespace {

// Usable bounds (less docks and panels) of every display, the primary first.
std::vector<ScreenRect> usableDisplays()
{
    std::vector<ScreenRect> out;
    for (int i = 0; i < SDL_GetNumVideoDisplays(); ++i) {
        SDL_Rect r;
        if (SDL_GetDisplayUsableBounds(i, &r) == 0 && r.w > 0 && r.h > 0) out.push_back({r.x, r.y, r.w, r.h});
    }
    return out;
}

// Drawable pixels per window point (above 1 where the system scales windows: Wayland, macOS).
double drawablePerPoint(SDL_Window* w)
{
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(w, &ww, &wh);
    SDL_GL_GetDrawableSize(w, &dw, &dh);
    return ww > 0 && dw > 0 ? static_cast<double>(dw) / ww : 1.0;
}

} // namespace

AppWindow::AppWindow(const std::string& title, std::optional<ScreenRect> size, const std::string& configDir, int msaaSamples,
                     double uiScale)
    : m_configDir(size ? "" : configDir)
{
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        throw geo::Error(std::string("cannot start SDL video: ") + SDL_GetError());
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    WindowGeometry g;
    if (size) {
        g.rect = {static_cast<int>(SDL_WINDOWPOS_CENTERED), static_cast<int>(SDL_WINDOWPOS_CENTERED), size->w, size->h};
    } else {
        g = chooseWindowGeometry(loadWindowGeometry(m_configDir), usableDisplays());
        if (g.maximized) flags |= SDL_WINDOW_MAXIMIZED;
    }
    for (int samples : {msaaSamples, 0}) {
        setGlAttributes(samples);
        m_window = SDL_CreateWindow(title.c_str(), g.rect.x, g.rect.y, g.rect.w, g.rect.h, flags);
        if (m_window) m_context = SDL_GL_CreateContext(m_window);
        if (m_context) break;
        if (m_window) SDL_DestroyWindow(m_window);
        m_window = nullptr;
    }
    if (!m_window || !m_context) throw geo::Error(std::string("cannot open an OpenGL 3.3 window: ") + SDL_GetError());
    SDL_GL_MakeCurrent(m_window, m_context);
    SDL_GL_SetSwapInterval(1);
    m_uiScaleOption = uiScale;
    m_display = SDL_GetWindowDisplayIndex(m_window);
    m_ratio = drawablePerPoint(m_window);
    m_uiScale = chooseUiScale(uiScale, std::getenv("ATLAS_UI_SCALE"), displayDpi(m_window), m_ratio);
    if (!m_uiScale.warning.empty()) std::fprintf(stderr, "compound-atlas: warning: %s\n", m_uiScale.warning.c_str());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // Panel layout in the config folder (never next to the binary); with --size, not at all.
    io.IniFilename = nullptr;
    if (!m_configDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(m_configDir, ec);
        m_iniPath = m_configDir + "/imgui.ini";
        if (!ec) io.IniFilename = m_iniPath.c_str();
    }
    applyUiStyle(ImGui::GetStyle());
    // The style's sizes stay in layout pixels (the whole UI is scaled as one); the font is
    // rasterised at the pixels it will cover, so it is sharp, not a stretched small one.
    m_fontPixelsPerUnit = static_cast<float>(m_uiScale.scale * m_ratio);
    loadUiFonts(io, m_fontPixelsPerUnit);
    ImGui_ImplSDL2_InitForOpenGL(m_window, m_context);
    ImGui_ImplOpenGL3_Init("#version 330");
    m_imgui = true;
}

AppWindow::~AppWindow()
{
    if (m_imgui) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_context) SDL_GL_DeleteContext(m_context);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

WindowGeometry AppWindow::geometry() const
{
    WindowGeometry g;
    SDL_GetWindowPosition(m_window, &g.rect.x, &g.rect.y);
    SDL_GetWindowSize(m_window, &g.rect.w, &g.rect.h);
    g.maximized = (SDL_GetWindowFlags(m_window) & SDL_WINDOW_MAXIMIZED) != 0;
    return g;
}

void AppWindow::rememberGeometry() const
{
    if (!m_configDir.empty() && !saveWindowGeometry(m_configDir, geometry()))
        std::fprintf(stderr, "compound-atlas: cannot write %s/window.json\n", m_configDir.c_str());
}

void AppWindow::followDisplay()
{
    const int display = SDL_GetWindowDisplayIndex(m_window);
    const double ratio = drawablePerPoint(m_window);
    if (display == m_display && ratio == m_ratio) return;
    // Moved to another monitor, or the system changed its scale: choose again, and rasterise
    // the font again if it now covers other pixels (between frames, so no draw list holds it).
    m_display = display;
    m_ratio = ratio;
    m_uiScale = chooseUiScale(m_uiScaleOption, std::getenv("ATLAS_UI_SCALE"), displayDpi(m_window), ratio);
    const float ppu = static_cast<float>(m_uiScale.scale * ratio);
    if (ppu == m_fontPixelsPerUnit) return;
    m_fontPixelsPerUnit = ppu;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    loadUiFonts(io, ppu);
    if (m_framesBegun) { // before the first frame the backend has made no texture yet
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void AppWindow::beginImGuiFrame(const ImGuiPointer& pointer)
{
    followDisplay();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame(); // display size in points, framebuffer scale = drawable / points
    ImGuiIO& io = ImGui::GetIO();
    pointer.applyTo(io);
    const float k = static_cast<float>(m_uiScale.scale);
    io.DisplaySize = ImVec2(io.DisplaySize.x / k, io.DisplaySize.y / k);
    io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * k, io.DisplayFramebufferScale.y * k);
    if (io.MousePos.x > -FLT_MAX / 2) io.MousePos = ImVec2(io.MousePos.x / k, io.MousePos.y / k);
    ImGui::NewFrame();
    m_framesBegun = true;
}

void AppWindow::renderImGui()
{
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace viewer
