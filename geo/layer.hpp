// A vector layer held in memory: fields, features (attributes + geometry) and their extent.
#pragma once
#include "geo/geometry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

enum class FieldType { String, Integer, Real, Date, Other };

struct Field {
    std::string name;
    FieldType type = FieldType::String;
};

struct Feature {
    int64_t fid = -1;
    std::vector<std::string> values; // one per field, "" for NULL
    Geometry geometry;
    Extent bbox;
};

struct Layer {
    std::string name;
    std::string sourcePath;
    GeomKind kind = GeomKind::None;
    std::vector<Field> fields;
    std::vector<Feature> features;
    std::string crs; // the CRS the coordinates are in, as "EPSG:N" or a PROJ string
    Extent extent;
    size_t repairedGeometries = 0; // invalid geometries made valid on read
    size_t skippedGeometries = 0;  // unusable geometries (NaN, out of range) dropped
    std::vector<std::string> warnings; // one line each, for the user

    int fieldIndex(const std::string& fieldName) const
    {
        for (size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == fieldName) return static_cast<int>(i);
        return -1;
    }
    const std::string& value(const Feature& f, int field) const
    {
        static const std::string none;
        return field >= 0 && static_cast<size_t>(field) < f.values.size() ? f.values[field] : none;
    }
};

} // namespace geo
