#!/usr/bin/env bash
# Writes compound-atlas.1.gz from the binary's own --help (help2man), with each command's
# --help as a COMMANDS section, so the man page cannot drift from the command line.
# Usage: make-manpage.sh BIN VERSION OUT.1.gz
set -euo pipefail
bin=$1 version=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "[COMMANDS]"
  for cmd in info where cases export; do
    echo ".SS \"$cmd\""
    echo ".nf"
    # Leading dots and backslashes would read as roff requests.
    "$bin" "$cmd" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
  echo "[FILES]"
  echo ".TP"
  echo ".I /usr/share/compound-atlas/data/"
  echo "the default basemap (Natural Earth) and sample case store; SOURCES.md there gives their sources and licences"
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B ATLAS_DATA_DIR"
  echo "a folder with data/ and assets/ to use instead of the installed one (compound-atlas --version prints the one in use)"
  echo ".TP"
  echo ".BR ATLAS_BASEMAP ", " ATLAS_CASES"
  echo "another basemap GeoPackage, another case store"
} >"$tmp/include"
help2man --no-info --no-discard-stderr --version-string="$version" --name="map viewer for investigating scam compounds in Southeast Asia" \
  --include="$tmp/include" --output="$tmp/compound-atlas.1" "$bin"
gzip -9n <"$tmp/compound-atlas.1" >"$out.tmp"
mv "$out.tmp" "$out"
