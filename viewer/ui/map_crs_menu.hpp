// View > Map CRS: Web Mercator, WGS 84, the UTM zone of the view centre, or any EPSG code.
// The choice becomes Session::crsRequest; the app reloads the layers in it.
#pragma once
#include "viewer/app/session.hpp"

#include <string>

namespace viewer {

// The "Map CRS" submenu (call inside an open menu).
void drawMapCrsMenu(Session& session);
// Its items alone (inside any menu or popup: the status bar's CRS label opens one).
void drawMapCrsChoices(Session& session);

// "EPSG:32648" -> "WGS 84 / UTM zone 48N" (what utmCrsFor returns; no PROJ needed).
std::string utmZoneName(const std::string& utmCode);

} // namespace viewer
