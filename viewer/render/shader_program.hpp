// A linked GLSL program loaded from assets/shaders/, with uniform setters by name.
#pragma once
#include "viewer/render/gl_handles.hpp"

#include <string>

namespace viewer {

class ShaderProgram {
public:
    ShaderProgram() = default;
    // Compiles assets/shaders/<name>.vert and <name>.frag. Throws geo::Error with one line
    // naming the file on a compile or link failure.
    static ShaderProgram load(const std::string& name);
    static ShaderProgram fromSource(const std::string& name, const std::string& vert, const std::string& frag);

    void use() const;
    GLint uniform(const char* name) const;
    void set(const char* name, float v) const;
    void set(const char* name, float x, float y) const;
    void set(const char* name, float x, float y, float z, float w) const;
    void set(const char* name, int v) const;

private:
    GlProgram m_program;
};

// The folder holding the app's assets: $ATLAS_ASSETS when set, else <source tree>/assets.
std::string assetsDir();

} // namespace viewer
