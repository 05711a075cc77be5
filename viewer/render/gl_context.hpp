// An OpenGL 3.3 core context without a visible window (SDL's offscreen driver, EGL), for
// render tests and headless export. The interactive window makes its own in viewer/app/.
#pragma once
#include <memory>
#include <string>

struct SDL_Window;

namespace viewer {

class HeadlessGlContext {
public:
    // Initialises SDL video with the offscreen driver unless SDL_VIDEODRIVER says otherwise,
    // then creates a hidden window and a 3.3 core context and makes it current.
    // Throws geo::Error with one line when no context can be made.
    static std::unique_ptr<HeadlessGlContext> create();
    ~HeadlessGlContext();
    HeadlessGlContext(const HeadlessGlContext&) = delete;
    HeadlessGlContext& operator=(const HeadlessGlContext&) = delete;

    void makeCurrent();
    std::string rendererName() const; // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    HeadlessGlContext() = default;
    SDL_Window* m_window = nullptr;
    void* m_context = nullptr;
};

// GL_RENDERER of the current context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
std::string currentGlRenderer();

// Sets the SDL GL attributes the renderer needs (3.3 core, RGBA8, optional MSAA).
void setGlAttributes(int msaaSamples);

} // namespace viewer
