// Hidden GL context through SDL (offscreen driver = EGL pbuffer, no display needed).
#include "viewer/render/gl_context.hpp"
#include "geo/error.hpp"

#include <SDL.h>
#include <epoxy/gl.h>

#include <cstdlib>

namespace viewer {

void setGlAttributes(int msaaSamples)
{
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8); // fills are stencil-then-cover
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, msaaSamples > 1 ? 1 : 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, msaaSamples > 1 ? msaaSamples : 0);
}

std::unique_ptr<HeadlessGlContext> HeadlessGlContext::create()
{
    const char* driver = std::getenv("SDL_VIDEODRIVER");
    if (!SDL_WasInit(SDL_INIT_VIDEO)) {
        if (!driver || !*driver) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
            throw geo::Error(std::string("cannot start SDL video for offscreen rendering: ") + SDL_GetError());
    }
    setGlAttributes(0);
    std::unique_ptr<HeadlessGlContext> ctx(new HeadlessGlContext());
    ctx->m_window = SDL_CreateWindow("compound-atlas offscreen", 0, 0, 16, 16, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!ctx->m_window) throw geo::Error(std::string("cannot create an offscreen GL surface: ") + SDL_GetError());
    ctx->m_context = SDL_GL_CreateContext(ctx->m_window);
    if (!ctx->m_context) throw geo::Error(std::string("cannot create an OpenGL 3.3 context: ") + SDL_GetError());
    ctx->makeCurrent();
    return ctx;
}

HeadlessGlContext::~HeadlessGlContext()
{
    if (m_context) SDL_GL_DeleteContext(m_context);
    if (m_window) SDL_DestroyWindow(m_window);
}

void HeadlessGlContext::makeCurrent() { SDL_GL_MakeCurrent(m_window, m_context); }

std::string HeadlessGlContext::rendererName() const { return currentGlRenderer(); }

std::string currentGlRenderer()
{
    const GLubyte* s = glGetString(GL_RENDERER);
    return s ? reinterpret_cast<const char*>(s) : "";
}

} // namespace viewer
