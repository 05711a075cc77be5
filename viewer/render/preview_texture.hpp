// An RGBA image uploaded as a GL texture for the UI to show (the Export dialog's preview):
// ImGui::Image takes textureId() cast to ImTextureID.
#pragma once
#include "viewer/render/gl_handles.hpp"
#include "viewer/render/image.hpp"

#include <cstdint>

namespace viewer {

class PreviewTexture {
public:
    // Replaces the texture's pixels (needs the GL context).
    void upload(const Image& image);
    bool empty() const { return m_width == 0; }
    uintptr_t textureId() const { return m_texture.id(); }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    GlTexture m_texture;
    int m_width = 0, m_height = 0;
};

} // namespace viewer
