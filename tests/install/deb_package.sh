#!/usr/bin/env bash
# The Debian package: cpack builds the .deb, dpkg-deb unpacks it into a scratch root, and the
# unpacked binary runs `info`, `where` and a headless `export` from another folder, on the data
# it carries (its --version names the data folder in use: the unpacked one, not the source tree).
# Also checks the install tree (desktop file, metainfo, icons, man page) and the declared Depends,
# and starts the viewer the way a desktop menu does: the installed .desktop file's Exec= line,
# the command found on PATH (the unpacked usr/bin first), under Xvfb, from /, with a fresh HOME
# and no data overrides; it must show a frame with the packaged basemap and case store.
set -u
BIN=$(realpath "$1")
BUILD=${ATLAS_BUILD_DIR:?ATLAS_BUILD_DIR is set by ctest}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1 || { cat "$T/cpack.log"; die "cpack failed"; }
DEB=$(ls "$T"/pkg/compound-atlas_*.deb 2>/dev/null | head -1)
[[ -n $DEB ]] || die "cpack wrote no .deb: $(ls "$T/pkg")"
ROOT="$T/root"
dpkg-deb -x "$DEB" "$ROOT" || die "dpkg-deb -x failed"
SHARE="$ROOT/usr/share"
APP="$ROOT/usr/bin/compound-atlas"

# The install tree.
for f in usr/bin/compound-atlas usr/share/compound-atlas/data/basemap.gpkg usr/share/compound-atlas/data/cases.gpkg \
  usr/share/compound-atlas/data/SOURCES.md usr/share/compound-atlas/assets/shaders \
  usr/share/applications/org.compoundatlas.CompoundAtlas.desktop usr/share/metainfo/org.compoundatlas.CompoundAtlas.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/compound-atlas.svg usr/share/man/man1/compound-atlas.1.gz usr/share/doc/compound-atlas/README.md; do
  [[ -e $ROOT/$f ]] || fail "missing from the package: /$f"
done
for px in 16 32 48 128 256; do
  png="$SHARE/icons/hicolor/${px}x${px}/apps/compound-atlas.png"
  size=$(/usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png" 2>/dev/null)
  [[ $size == "${px}x${px}" ]] || fail "icon ${px}x${px}: got '$size'"
done
diff <(cd "$SRC/assets/shaders" && find . -type f | sort) <(cd "$SHARE/compound-atlas/assets/shaders" && find . -type f | sort) >/dev/null ||
  fail "the packaged shaders differ from assets/shaders"
desktop-file-validate "$SHARE/applications/org.compoundatlas.CompoundAtlas.desktop" || fail "desktop-file-validate"
grep -q '^Exec=compound-atlas' "$SHARE/applications/org.compoundatlas.CompoundAtlas.desktop" || fail "desktop file does not start compound-atlas"
appstreamcli validate --no-net "$SHARE/metainfo/org.compoundatlas.CompoundAtlas.metainfo.xml" >"$T/as.log" 2>&1 ||
  { cat "$T/as.log"; fail "appstreamcli validate"; }
# The man page is the --help of every command.
man=$(zcat "$SHARE/man/man1/compound-atlas.1.gz")
for want in '.TH COMPOUND-ATLAS "1"' '.SS "export"' '--fit' '.SS "where"' 'ATLAS_DATA_DIR'; do
  [[ $man == *"$want"* ]] || fail "man page lacks '$want'"
done
depends=$(dpkg-deb -f "$DEB" Depends)
for want in libgdal libproj libgeos libsdl2 fonts-dejavu-core; do
  [[ $depends == *"$want"* ]] || fail "Depends lacks $want: $depends"
done

# From another folder, with no override of the data paths, the unpacked binary uses its own data.
cd "$T"
clean=(env -u ATLAS_DATA_DIR -u ATLAS_BASEMAP -u ATLAS_CASES -u ATLAS_ASSETS -u DISPLAY)
ver=$("${clean[@]}" "$APP" --version) || fail "--version failed"
[[ $ver == *"data: $SHARE/compound-atlas (installed)"* ]] || fail "--version does not name the unpacked data: $ver"
# ...and the build tree's binary, beside no installed copy, names the source tree.
[[ $("${clean[@]}" "$BIN" --version) == *"data: $SRC (source tree)"* ]] || fail "build binary does not name the source tree"

info=$("${clean[@]}" "$APP" info "$SHARE/compound-atlas/data/basemap.gpkg" --json) || fail "info failed"
[[ $(jq -r '[.layers[].name] | sort | join(",")' <<<"$info") == "borders,countries,province_lines,provinces" ]] ||
  fail "info layers: $(jq -c '[.layers[].name]' <<<"$info")"
where=$("${clean[@]}" "$APP" where 105.80 11.09 --json) || fail "where failed"
[[ $(jq -r '.country.name + "/" + .province.name + "/" + .country.certainty' <<<"$where") == "Cambodia/Svay Rieng/certain" ]] ||
  fail "where 105.80 11.09: $(jq -c '{country: .country.name, province: .province.name}' <<<"$where")"
exp=(export --quiet --date "1 January 2026" --fit a7-park --select a7-park --title "A7 Park" --size 500x350)
"${clean[@]}" SDL_VIDEODRIVER=offscreen "$APP" "${exp[@]}" --out "$T/installed.png" || fail "installed export failed"
"${clean[@]}" SDL_VIDEODRIVER=offscreen "$BIN" "${exp[@]}" --out "$T/build.png" || fail "build-tree export failed"
[[ -s $T/installed.png ]] && cmp -s "$T/installed.png" "$T/build.png" || fail "the installed export differs from the build tree's"

# Started as a menu starts it: Exec= with its field codes (%f %F %u %U...) dropped, since a
# menu launch with no files passes none; the test hooks appended to see what it showed.
DESKTOP="$SHARE/applications/org.compoundatlas.CompoundAtlas.desktop"
exec_line=$(sed -n 's/^Exec=//p' "$DESKTOP" | head -1)
read -r -a launch <<<"$(sed -E 's/(^| )%[fFuUick]//g' <<<"$exec_line")"
[[ ${launch[0]:-} == compound-atlas ]] || fail "Exec= does not start compound-atlas by name: '$exec_line'"
if command -v xvfb-run >/dev/null; then
  mkdir -p "$T/home"
  # Xvfb's DISPLAY kept (a menu start has one), no driver forced, a fresh HOME.
  menu=(env -u ATLAS_DATA_DIR -u ATLAS_BASEMAP -u ATLAS_CASES -u ATLAS_ASSETS -u SDL_VIDEODRIVER -u XDG_CONFIG_HOME
        -u XDG_CACHE_HOME HOME="$T/home" PATH="$ROOT/usr/bin:$PATH")
  [[ $("${menu[@]}" bash -c 'command -v compound-atlas') == "$APP" ]] || fail "PATH does not find the unpacked binary"
  (cd / && xvfb-run -a -n 841 -s "-screen 0 1600x900x24" "${menu[@]}" "${launch[@]}" --quit-after-frames 5 \
    --ready-file "$T/menu.ready" --dump-state "$T/menu.json" >"$T/menu.log" 2>&1) ||
    fail "started from the menu's Exec=, the viewer exited with $? ($(tail -3 "$T/menu.log"))"
  [[ -e $T/menu.ready ]] || fail "started from the menu's Exec=, the viewer showed no frame"
  if [[ -s $T/menu.json ]]; then
    jq -e --arg d "$SHARE/compound-atlas/data" '[.layers[].source] | length == 4 and all(startswith($d + "/basemap.gpkg"))' \
      "$T/menu.json" >/dev/null || fail "menu start: the basemap is not the packaged one: $(jq -c '[.layers[].source]' "$T/menu.json")"
    jq -e 'all(.layers[]; .features > 100)' "$T/menu.json" >/dev/null || fail "menu start: a basemap layer is (nearly) empty"
    # A window on the X screen, fitted to it (no --size): wider than the old 1280 default.
    jq -e '.window.width > 1280 and .window.width <= 1600 and .window.height <= 900' "$T/menu.json" >/dev/null ||
      fail "menu start: the window is not fitted to the 1600x900 screen: $(jq -c .window "$T/menu.json")"
    jq -e --arg d "$SHARE/compound-atlas/data" '.cases.loaded and .cases.store == $d + "/cases.gpkg" and (.cases.markers | length) > 0' \
      "$T/menu.json" >/dev/null || fail "menu start: the packaged case store is not shown: $(jq -c '.cases | {store, loaded, error}' "$T/menu.json")"
  else
    fail "menu start: no state written"
  fi
  # A menu start has no --size: the window is fitted to the screen and remembered in the new HOME.
  [[ -s $T/home/.config/compound-atlas/window.json ]] || fail "menu start: the window geometry was not remembered in ~/.config"
else
  fail "xvfb-run missing: cannot start the viewer as the menu does"
fi

# As a user who owns nothing there (the installed tree is root's and read-only to them).
if [[ $(id -u) == 0 ]] && command -v runuser >/dev/null && id nobody >/dev/null 2>&1; then
  chmod -R a+rX "$T" && chmod go-w -R "$ROOT"
  out=$(cd / && runuser -u nobody -- "${clean[@]}" HOME=/nonexistent "$APP" where 105.80 11.09 --json 2>&1) &&
    [[ $(jq -r .province.name <<<"$out" 2>/dev/null) == "Svay Rieng" ]] || fail "where as nobody: $out"
  out=$(cd / && runuser -u nobody -- "${clean[@]}" HOME=/nonexistent "$APP" cases list 2>&1) &&
    [[ $out == *"$SHARE/compound-atlas/data/cases.gpkg"* ]] || fail "cases list as nobody: $out"
fi

if [ "$FAILS" = 0 ]; then echo "all passed ($(basename "$DEB"), $(du -k "$DEB" | cut -f1) KiB)"; else echo "$FAILS failure(s)"; exit 1; fi
