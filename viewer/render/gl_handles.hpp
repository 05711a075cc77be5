// Move-only RAII owners for OpenGL object names (buffers, vertex arrays, textures,
// framebuffers, renderbuffers). Include only from viewer/render/.
#pragma once
#include <epoxy/gl.h>

#include <utility>

namespace viewer {

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : m_id(id) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept
    {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset()
    {
        if (m_id) Delete(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

namespace gldetail {
inline void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
inline void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
inline void deleteProgram(GLuint id) { glDeleteProgram(id); }
} // namespace gldetail

using GlBuffer = GlHandle<gldetail::deleteBuffer>;
using GlVertexArray = GlHandle<gldetail::deleteVertexArray>;
using GlTexture = GlHandle<gldetail::deleteTexture>;
using GlFramebuffer = GlHandle<gldetail::deleteFramebuffer>;
using GlRenderbuffer = GlHandle<gldetail::deleteRenderbuffer>;
using GlProgram = GlHandle<gldetail::deleteProgram>;

inline GlBuffer makeBuffer()
{
    GLuint id = 0;
    glGenBuffers(1, &id);
    return GlBuffer(id);
}
inline GlVertexArray makeVertexArray()
{
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return GlVertexArray(id);
}
inline GlTexture makeTexture()
{
    GLuint id = 0;
    glGenTextures(1, &id);
    return GlTexture(id);
}
inline GlFramebuffer makeFramebuffer()
{
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return GlFramebuffer(id);
}
inline GlRenderbuffer makeRenderbuffer()
{
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return GlRenderbuffer(id);
}

} // namespace viewer
