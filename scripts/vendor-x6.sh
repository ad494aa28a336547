#!/usr/bin/env bash
# Vendors the X6 diagramming library's browser bundle (UMD, global `X6`, plugins included) and its licence into
# src/Host/wwwroot/lib/x6/, so the designer needs no npm at run time. Refresh: change VERSION, run, commit the result.
set -euo pipefail
VERSION="${1:-3.1.8}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/src/Host/wwwroot/lib/x6"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "@antv/x6@$VERSION" --silent >/dev/null && tar xzf "antv-x6-$VERSION.tgz")
grep -q '"license": "MIT"' "$work/package/package.json" || { echo "@antv/x6 $VERSION is not MIT-licensed: check before vendoring" >&2; exit 1; }

mkdir -p "$target"
cp "$work/package/dist/x6.min.js" "$target/x6.min.js"
cp "$work/package/LICENSE" "$target/LICENSE"
cat > "$target/README.md" <<NOTE
# @antv/x6 $VERSION

The browser bundle (\`dist/x6.min.js\`, UMD exposing \`window.X6\` with the History, Selection, Keyboard and Snapline
plugins) of the npm package @antv/x6 $VERSION, MIT licence in \`LICENSE\`.
Used by the workflow designer (\`../../designer/\`). Written by \`scripts/vendor-x6.sh\`; to refresh, run
\`scripts/vendor-x6.sh NEW_VERSION\` and commit what it writes. Do not edit these files by hand.

sha256 of x6.min.js: $(sha256sum "$target/x6.min.js" | cut -d' ' -f1)
NOTE
echo "vendored @antv/x6 $VERSION into ${target#$root/}"
