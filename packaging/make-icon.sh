#!/usr/bin/env bash
# Draws the application icon with ImageMagick: the stepped benches of an open-pit quarry on a slate tile, with a
# cluster of linked accounts (the campaign the analyst digs out) picked out in signal red.
#   packaging/make-icon.sh   -> resources/dev/quarry/icons/quarry.png (256 px), packaging/windows/quarry.ico,
#                               packaging/macos/quarry.icns
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/dev/quarry/icons/quarry.png
mkdir -p "$(dirname "$out")" packaging/windows packaging/macos
convert -size 256x256 xc:none \
  -fill '#263238' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#8d6e63' -draw 'polygon 28,112 228,112 212,140 44,140' \
  -fill '#a1887f' -draw 'polygon 44,146 212,146 194,174 62,174' \
  -fill '#bcaaa4' -draw 'polygon 62,180 194,180 174,208 82,208' \
  -fill '#d7ccc8' -draw 'polygon 82,214 174,214 160,232 96,232' \
  -stroke '#ff5252' -strokewidth 7 -fill none \
  -draw 'line 92,62 128,40' -draw 'line 128,40 166,64' -draw 'line 92,62 166,64' -draw 'line 128,40 128,84' \
  -stroke none -fill '#ff5252' \
  -draw 'circle 92,62 92,75' -draw 'circle 128,40 128,53' -draw 'circle 166,64 166,77' -draw 'circle 128,84 128,97' \
  -fill '#ffffff' -draw 'circle 128,84 128,89' \
  -strip "PNG32:$out"
convert "$out" -define icon:auto-resize=256,64,48,32,16 packaging/windows/quarry.ico
# ImageMagick writes no .icns: the container is a header and typed PNG entries (ic07 = 128 px, ic08 = 256 px)
convert "$out" -resize 128x128 "PNG32:${TMPDIR:-/tmp}/quarry-128.png"
python3 - "${TMPDIR:-/tmp}/quarry-128.png" "$out" packaging/macos/quarry.icns <<'PY'
import struct, sys
entries = b"".join(kind + struct.pack(">I", 8 + len(data)) + data
                   for kind, data in ((b"ic07", open(sys.argv[1], "rb").read()), (b"ic08", open(sys.argv[2], "rb").read())))
open(sys.argv[3], "wb").write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)
PY
echo "written $out, packaging/windows/quarry.ico and packaging/macos/quarry.icns"
