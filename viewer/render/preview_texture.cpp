// Texture upload for previews: linear filtering, clamped edges, tightly packed rows.
#include "viewer/render/preview_texture.hpp"

namespace viewer {

void PreviewTexture::upload(const Image& image)
{
    if (image.empty()) return;
    if (!m_texture) m_texture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_texture.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    m_width = image.width;
    m_height = image.height;
}

} // namespace viewer
