#!/usr/bin/env bash
# Installs the Debian 12 packages Compound Atlas needs to build, run and test; a no-op
# when all are present. Uses sudo when not root.
set -euo pipefail
PACKAGES=(
  # build
  cmake g++ make pkg-config
  # libraries (see DESIGN.md's dependency table)
  libgdal-dev libproj-dev libgeos-dev libboost-dev nlohmann-json3-dev libcli11-dev
  libsdl2-dev libimgui-dev libepoxy-dev libstb-dev libpng-dev libicu-dev libglib2.0-dev doctest-dev
  # run time: software OpenGL/EGL, fonts with the glyphs the place names need
  libgl1-mesa-dri libegl1 libegl-mesa0 fonts-dejavu-core fonts-noto-core
  # tests: GDAL tools, a virtual X display, input injection, image tools, JSON on the shell
  gdal-bin python3-gdal xvfb xauth xdotool x11-utils imagemagick jq
  # install: man page, icons, the .deb and its checks
  help2man librsvg2-bin dpkg-dev desktop-file-utils appstream
  # the measure test checks lengths against PROJ's geod
  proj-bin
  # the PostGIS tests start a throwaway cluster
  postgresql postgis postgresql-15-postgis-3
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
