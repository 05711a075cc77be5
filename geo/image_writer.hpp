// Writing rendered RGBA images to PNG or GeoTIFF row band by row band, so a 10000 x 7000
// export never holds the whole image in memory; the file appears only when complete.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace geo {

struct ImageGeoref {
    Extent extent;    // in `crs`, of the whole image
    std::string crs;  // "EPSG:N" or a PROJ string
};

enum class ImageFormat { Png, GeoTiff };

// PNG for .png, GeoTIFF for .tif / .tiff; anything else throws geo::Error.
ImageFormat imageFormatFor(const std::string& path);

class ImageWriter {
public:
    // Checks the size and that the folder is writable, then opens a temporary file beside
    // `path`. `georef` goes into a GeoTIFF's tags, or a world file (.pgw) beside a PNG
    // when `worldFile` is set. `dpi` > 0 is the print resolution: a PNG's pHYs chunk (in
    // pixels per metre), a TIFF's XResolution/YResolution (pixels per inch); 0 writes none.
    ImageWriter(const std::string& path, int width, int height, const ImageGeoref* georef, bool worldFile,
                double dpi = 0);
    ~ImageWriter(); // removes the temporary file unless finish() succeeded
    ImageWriter(const ImageWriter&) = delete;
    ImageWriter& operator=(const ImageWriter&) = delete;

    // `rows` rows of `width()` RGBA pixels starting at row `y` (top row is 0).
    void writeRows(int y, int rows, const uint8_t* rgba);
    // Encodes and renames into place. Throws geo::Error (and leaves nothing) on failure.
    void finish();

    int width() const;
    int height() const;

    static constexpr int kMaxSide = 32768;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace geo
