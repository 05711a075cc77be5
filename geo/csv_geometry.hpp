// Finding the geometry columns of a CSV: by their names (lon/lng/long/longitude/x,
// lat/latitude/y, wkt/geometry) and, when names say nothing, by their values.
#pragma once
#include <string>

namespace geo {

struct CsvGeometryColumns {
    std::string x, y; // coordinate columns, both set or both empty
    std::string wkt;  // or a WKT column
    bool byValues = false; // found from the values, not the names (worth telling the user)
    bool found() const { return !wkt.empty() || (!x.empty() && !y.empty()); }
};

// Reads the header and up to `sampleRows` rows. Never throws for a readable CSV without
// geometry: the result is then simply not found().
CsvGeometryColumns detectCsvGeometry(const std::string& path, int sampleRows = 200);

} // namespace geo
