#!/usr/bin/env bash
# dgraph.sh: build the pinned Dgraph server into bin/dgraph (once; later
# runs find it and return at once).
#
#   scripts/dgraph.sh build     build bin/dgraph unless it is present
#   scripts/dgraph.sh path      print the binary's path
#
# The version is pinned in dgraphstore/tools/go.mod, a module of its own so
# that Dgraph's ~180 modules stay out of graphd's go.mod. The Go module proxy
# serves the exact version but refuses version lists and `go install
# ...@version`, so the pin is resolved with `go get -tool`, then built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="/usr/local/go/bin:$PATH"
VERSION=${DGRAPH_VERSION:-v25.0.0}
BIN=${DGRAPH_BIN:-$root/bin/dgraph}
TOOLS=$root/dgraphstore/tools
PKG=github.com/hypermodeinc/dgraph/v25/dgraph

build() {
  if [ -x "$BIN" ]; then
    echo "dgraph: $BIN present ($("$BIN" version 2>/dev/null | grep -m1 -i 'dgraph version' | tr -s ' ' || echo "version unknown"))"
    return
  fi
  mkdir -p "$(dirname "$BIN")"
  cd "$TOOLS"
  if ! grep -q "^tool $PKG\$" go.mod; then
    go get -tool "$PKG@$VERSION"
  fi
  echo "dgraph: building $PKG@$VERSION into $BIN (about 5 minutes cold)"
  go build -o "$BIN.tmp" "$PKG"
  mv "$BIN.tmp" "$BIN"
}

case "${1:-build}" in
  build) build ;;
  path) echo "$BIN" ;;
  *) echo "usage: $0 [build|path]" >&2; exit 2 ;;
esac
