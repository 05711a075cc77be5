// Framebuffer setup, MSAA resolve and readback.
#include "viewer/render/render_target.hpp"
#include "geo/error.hpp"

#include <algorithm>
#include <cstring>

namespace viewer {

void waitForGpu() { glFinish(); }

Image readBoundFramebuffer(int width, int height)
{
    Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        uint8_t* a = &img.rgba[y * row];
        uint8_t* b = &img.rgba[(height - 1 - y) * row];
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255; // the map is opaque
    return img;
}

void WindowTarget::bind()
{
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, m_width, m_height);
}

Image WindowTarget::readPixels()
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    return readBoundFramebuffer(m_width, m_height);
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples)
    : m_width(std::max(1, width)), m_height(std::max(1, height)), m_samples(0)
{
    GLint maxSamples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    m_samples = samples > 1 ? std::min(samples, static_cast<int>(maxSamples)) : 0;

    m_color = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, m_color.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, m_width, m_height);
    m_stencil = makeRenderbuffer(); // fills are stencil-then-cover
    glBindRenderbuffer(GL_RENDERBUFFER, m_stencil.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, m_width, m_height);
    m_fbo = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_color.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, m_stencil.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw geo::Error("cannot create an offscreen framebuffer of " + std::to_string(m_width) + "x" +
                         std::to_string(m_height) + " pixels");
    if (m_samples > 1) {
        m_msColor = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, m_msColor.id());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, m_samples, GL_RGBA8, m_width, m_height);
        m_msStencil = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, m_msStencil.id());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, m_samples, GL_DEPTH24_STENCIL8, m_width, m_height);
        m_msFbo = makeFramebuffer();
        glBindFramebuffer(GL_FRAMEBUFFER, m_msFbo.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_msColor.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, m_msStencil.id());
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            m_msFbo.reset();
            m_msColor.reset();
            m_msStencil.reset();
            m_samples = 0;
        }
    }
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::bind()
{
    glBindFramebuffer(GL_FRAMEBUFFER, m_msFbo ? m_msFbo.id() : m_fbo.id());
    glViewport(0, 0, m_width, m_height);
}

Image OffscreenTarget::readPixels()
{
    if (m_msFbo) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msFbo.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo.id());
        glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.id());
    Image img = readBoundFramebuffer(m_width, m_height);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return img;
}

} // namespace viewer
