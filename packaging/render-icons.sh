#!/usr/bin/env bash
# Renders resources/icons/tsunagi.svg into the committed PNG sizes (hicolor theme), the Windows
# .ico and the macOS .icns. Run it after changing the SVG, then commit resources/icons.
# Needs: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/tsunagi.svg
out=resources/icons/hicolor
sizes=(16 22 24 32 48 64 128 256 512)

for tool in rsvg-convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing (apt-get install librsvg2-bin icnsutils)" >&2; exit 1; }
done
# /usr/bin first: ImageMagick's real convert, not a stand-in earlier in PATH.
convert=/usr/bin/convert
[[ -x $convert ]] || { echo "render-icons: ImageMagick's convert is missing (apt-get install imagemagick)" >&2; exit 1; }

for size in "${sizes[@]}"; do
    mkdir -p "$out/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" -o "$out/${size}x${size}/tsunagi.png"
done
"$convert" "$out"/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/tsunagi.png resources/icons/tsunagi.ico
png2icns resources/icons/tsunagi.icns "$out"/{16x16,32x32,48x48,128x128,256x256,512x512}/tsunagi.png >/dev/null
echo "render-icons: wrote $out/*/tsunagi.png, resources/icons/tsunagi.ico, resources/icons/tsunagi.icns"
