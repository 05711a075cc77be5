// GLSL compile/link with one-line errors, and the assets folder lookup.
#include "viewer/render/shader_program.hpp"
#include "geo/data_dir.hpp"
#include "geo/error.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace viewer {

std::string assetsDir()
{
    if (const char* env = std::getenv("ATLAS_ASSETS"); env && *env) return env;
    return geo::dataFile("assets");
}

namespace {

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw geo::Error("cannot read shader " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

GLuint compile(GLenum type, const std::string& src, const std::string& label)
{
    GLuint s = glCreateShader(type);
    const char* text = src.c_str();
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        glDeleteShader(s);
        std::string line(log);
        for (char& c : line)
            if (c == '\n') c = ' ';
        throw geo::Error("shader " + label + " does not compile: " + line);
    }
    return s;
}

} // namespace

ShaderProgram ShaderProgram::fromSource(const std::string& name, const std::string& vert, const std::string& frag)
{
    GLuint vs = compile(GL_VERTEX_SHADER, vert, name + ".vert");
    GLuint fs = compile(GL_FRAGMENT_SHADER, frag, name + ".frag");
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        glDeleteProgram(p);
        throw geo::Error("shader program " + name + " does not link: " + std::string(log));
    }
    ShaderProgram sp;
    sp.m_program = GlProgram(p);
    return sp;
}

ShaderProgram ShaderProgram::load(const std::string& name)
{
    const std::string base = assetsDir() + "/shaders/" + name;
    return fromSource(name, readText(base + ".vert"), readText(base + ".frag"));
}

void ShaderProgram::use() const { glUseProgram(m_program.id()); }
GLint ShaderProgram::uniform(const char* name) const { return glGetUniformLocation(m_program.id(), name); }
void ShaderProgram::set(const char* name, float v) const { glUniform1f(uniform(name), v); }
void ShaderProgram::set(const char* name, float x, float y) const { glUniform2f(uniform(name), x, y); }
void ShaderProgram::set(const char* name, float x, float y, float z, float w) const
{
    glUniform4f(uniform(name), x, y, z, w);
}
void ShaderProgram::set(const char* name, int v) const { glUniform1i(uniform(name), v); }

} // namespace viewer
