#!/usr/bin/env bash
# Checks the SwiftPM command plugins: `swift package klaster-export` writes a site from samples/,
# and refuses to write without the permission. Run from .ci/run after `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift package --allow-writing-to-package-directory klaster-export html --store samples --out "$out/site"
test -f "$out/site/index.html"
test -f "$out/site/clusters/okip.html"
swift package --allow-writing-to-package-directory klaster-export json --store samples --out "$out/all.json"
python3 scripts/check-json-export.py samples "$out/all.json"
if swift package klaster-export json --store samples --out "$out/denied.json" 2>/dev/null; then
    echo "check-plugins: klaster-export ran without --allow-writing-to-package-directory" >&2
    exit 1
fi
echo "check-plugins: swift package klaster-export works"
