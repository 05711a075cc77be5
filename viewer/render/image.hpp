// An 8-bit RGBA image in memory (top row first), with PNG read/write via stb.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace viewer {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba; // width * height * 4, top row first

    bool empty() const { return width <= 0 || height <= 0; }
    const uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

// Writes a PNG; returns false on failure.
bool writePng(const std::string& path, const Image& image);
// Reads a PNG (any channel count, converted to RGBA); empty image on failure.
Image readPng(const std::string& path);

} // namespace viewer
