// The `--dump-state FILE` JSON written when the viewer exits: camera, window, layers and
// selection, for end-to-end tests and scripts.
#pragma once
#include "viewer/app/session.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace viewer {

struct WindowInfo {
    int width = 0, height = 0;                 // window points
    int drawableWidth = 0, drawableHeight = 0; // pixels
    long frames = 0;
    int x = 0, y = 0;                          // window position, points (last: aggregate order)
};

// {"view":{"center":{"lon","lat"},"center_map":{"x","y"},"units_per_pixel","scale_denominator","crs"},
//  "window":{"width","height","x","y","drawable_width","drawable_height"},"frames",
//  "widgets":{NAME:{"x","y" (centre),"w","h"[,"scroll_y","scroll_max_y"]}} (drawable pixels),
//  "ui":{"scale","scale_source","pixel_ratio","font_px","text_input"},
//  "layers":[{"name","source","visible","opacity","features","thematic_classes"}],
//  "rasters":[{"name","source","visible","opacity","width","height","extent":[minx,miny,maxx,maxy]}],
//  "warnings":[one line each], "modal":null|"the open modal dialog's title",
//  "selected":null|{"layer","fid","name","feature_index"}}
nlohmann::json stateJson(const Session& session, const WindowInfo& window);

// Writes the JSON (pretty, newline-terminated); throws geo::Error when it cannot.
void writeState(const std::string& path, const Session& session, const WindowInfo& window);

} // namespace viewer
