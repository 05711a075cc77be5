// Where the renderer draws: the window's default framebuffer or an offscreen framebuffer
// (optionally multisampled) whose pixels can be read back (screenshots, tests, export).
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/image.hpp"

namespace viewer {

class RenderTarget {
public:
    virtual ~RenderTarget() = default;
    virtual int width() const = 0;
    virtual int height() const = 0;
    // Binds for drawing and sets the GL viewport to the whole target.
    virtual void bind() = 0;
    // Reads the current pixels (top row first). Resolves multisampling first.
    virtual Image readPixels() = 0;
};

// The default framebuffer of the current context; its size is the drawable size in pixels.
class WindowTarget : public RenderTarget {
public:
    void setSize(int w, int h)
    {
        m_width = w;
        m_height = h;
    }
    int width() const override { return m_width; }
    int height() const override { return m_height; }
    void bind() override;
    Image readPixels() override;

private:
    int m_width = 1, m_height = 1;
};

class OffscreenTarget : public RenderTarget {
public:
    // `samples` > 1 asks for MSAA (falls back to 0 when unsupported).
    OffscreenTarget(int width, int height, int samples = 4);
    int width() const override { return m_width; }
    int height() const override { return m_height; }
    int samples() const { return m_samples; }
    void bind() override;
    Image readPixels() override;

private:
    int m_width, m_height, m_samples;
    GlFramebuffer m_msFbo, m_fbo;
    GlRenderbuffer m_msColor, m_color, m_msStencil, m_stencil;
};

// Blocks until the GPU has finished all submitted work (benchmarks time whole frames).
void waitForGpu();

// Reads the framebuffer bound for reading into an Image, flipping rows to top-first.
Image readBoundFramebuffer(int width, int height);

} // namespace viewer
