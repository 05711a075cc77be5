// PNG IO through libstb (stb_image / stb_image_write, compiled into Debian's libstb).
#include "viewer/render/image.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace viewer {

bool writePng(const std::string& path, const Image& image)
{
    if (image.empty()) return false;
    return stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
}

Image readPng(const std::string& path)
{
    Image img;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 4);
    if (!data) return {};
    img.rgba.assign(data, data + static_cast<size_t>(img.width) * img.height * 4);
    stbi_image_free(data);
    return img;
}

} // namespace viewer
