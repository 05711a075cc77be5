// SDL + GL context + ImGui lifetime. MSAA (off by default: strokes, markers and labels are
// anti-aliased in their shaders) is asked for when wanted and dropped when the display lacks it.
#include "viewer/app/app_window.hpp"
#include "viewer/render/gl_context.hpp"
#include "viewer/ui/ui_fonts.hpp"

#include "geo/error.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

namespace viewer {

AppWindow::AppWindow(const std::string& title, int width, int height, int msaaSamples)
{
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        throw geo::Error(std::string("cannot start SDL video: ") + SDL_GetError());
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    for (int samples : {msaaSamples, 0}) {
        setGlAttributes(samples);
        m_window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
        if (m_window) m_context = SDL_GL_CreateContext(m_window);
        if (m_context) break;
        if (m_window) SDL_DestroyWindow(m_window);
        m_window = nullptr;
    }
    if (!m_window || !m_context) throw geo::Error(std::string("cannot open an OpenGL 3.3 window: ") + SDL_GetError());
    SDL_GL_MakeCurrent(m_window, m_context);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is not persisted next to the binary
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 4;
    ImGui::GetStyle().FrameRounding = 3;
    loadUiFonts(io);
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

void AppWindow::beginImGuiFrame(const ImGuiPointer& pointer)
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    pointer.applyTo(ImGui::GetIO());
    ImGui::NewFrame();
}

void AppWindow::renderImGui()
{
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace viewer
