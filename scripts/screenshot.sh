#!/usr/bin/env bash
# Screenshots of an exported site with headless Chromium, at desktop and phone width.
#
# usage: scripts/screenshot.sh SITE-FOLDER [OUT-FOLDER] [PAGE...]
#   SITE-FOLDER  what `klaster export html --out SITE-FOLDER` wrote
#   OUT-FOLDER   where the PNGs go (default: SITE-FOLDER/../screenshots)
#   PAGE         pages to shoot, relative to the site (default: index.html and one record page)
# Writes NAME-desktop.png (1280 wide) and NAME-phone.png (390 wide) for each page.
set -euo pipefail
site=$(cd "$1" && pwd)
out=${2:-"$site/../screenshots"}
shift $(( $# >= 2 ? 2 : 1 ))
mkdir -p "$out"
out=$(cd "$out" && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "screenshot.sh: no chromium on PATH (Debian: apt-get install chromium)" >&2; exit 2; }
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
    pages=(index.html)
    first_member=$(ls "$site/members" 2>/dev/null | head -1 || true)
    [ -n "$first_member" ] && pages+=("members/$first_member")
fi
for page in "${pages[@]}"; do
    name=$(echo "${page%.html}" | tr '/' '-')
    for view in desktop:1280,1100 phone:390,1400; do
        label=${view%%:*}
        size=${view#*:}
        "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
            --window-size="$size" --screenshot="$out/$name-$label.png" "file://$site/$page" >/dev/null 2>&1
        echo "$out/$name-$label.png"
    done
done
