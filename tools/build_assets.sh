#!/usr/bin/env bash
# Bundle the front-end packages the pages use, from the npm registry, into the Python package:
#   @zazuko/yasgui → src/eitkg/http/static/yasgui/   (the SPARQL editor of /query)
#   leaflet        → src/eitkg/http/static/leaflet/  (the maps of resource pages)
# Nothing is fetched at run time (no CDN). Idempotent: does nothing when the pinned versions are
# already in place; FORCE=1 rebuilds. Needs node and npm (Debian/Ubuntu: apt-get install npm).
set -euo pipefail

YASGUI_VERSION="4.6.2"
LEAFLET_VERSION="1.9.4"

cd "$(dirname "$0")/.."
STATIC="src/eitkg/http/static"
STAMP="$STATIC/.assets-version"
WANTED="yasgui=$YASGUI_VERSION leaflet=$LEAFLET_VERSION"

if [[ "${FORCE:-0}" != "1" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" \
      && -f "$STATIC/yasgui/yasgui.min.js" && -f "$STATIC/leaflet/leaflet.js" ]]; then
  echo "build_assets: $WANTED already bundled"
  exit 0
fi

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build_assets: '$tool' is missing; install Node.js and npm (apt-get install nodejs npm)" >&2
    exit 1
  fi
done

WORK="build/assets"
mkdir -p "$WORK"
cat > "$WORK/package.json" <<JSON
{
  "name": "eitkg-assets",
  "private": true,
  "description": "Front-end packages bundled into eitkg (built by tools/build_assets.sh)",
  "dependencies": {
    "@zazuko/yasgui": "$YASGUI_VERSION",
    "leaflet": "$LEAFLET_VERSION"
  }
}
JSON
npm install --prefix "$WORK" --no-audit --no-fund --ignore-scripts --loglevel=error

rm -rf "$STATIC/yasgui" "$STATIC/leaflet"
mkdir -p "$STATIC/yasgui" "$STATIC/leaflet"
YASGUI_DIST="$WORK/node_modules/@zazuko/yasgui/build"
cp "$YASGUI_DIST/yasgui.min.js" "$YASGUI_DIST/yasgui.min.css" "$STATIC/yasgui/"
cp "$WORK/node_modules/@zazuko/yasgui/LICENSE"* "$STATIC/yasgui/" 2>/dev/null || true
LEAFLET_DIST="$WORK/node_modules/leaflet/dist"
cp "$LEAFLET_DIST/leaflet.js" "$LEAFLET_DIST/leaflet.css" "$STATIC/leaflet/"
cp -r "$LEAFLET_DIST/images" "$STATIC/leaflet/"
cp "$WORK/node_modules/leaflet/LICENSE" "$STATIC/leaflet/" 2>/dev/null || true
echo "$WANTED" > "$STAMP"
echo "build_assets: bundled $WANTED into $STATIC"
