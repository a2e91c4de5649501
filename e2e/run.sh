#!/usr/bin/env bash
# End-to-end checks of graphd with real clients (`make e2e`, also run by CI).
#
# Installs what it needs if missing (Debian packages, the npm packages pinned
# in e2e/package-lock.json), builds graphd, starts it on a free loopback port
# with a fresh temporary store, and then:
#   0. runs the explorer's layout unit tests (node --test web/jstest/);
#   1. runs the notebook's client tests and executes examples/notebook/stances.ipynb
#      headless, failing on any cell error; checks that its figures were saved;
#   2. drives the explorer in headless Chromium (e2e/browser.mjs), on the seed
#      graph and on a generated graph of 300 actors and 2,000 stances that it
#      loads and serves with the graphd built here;
#   3. runs the graphql-http server audits (e2e/audit.mjs), failing on any MUST;
#   4. checks the live schema against the contract shipped in the repository
#      (e2e/contract.mjs, schema/contract.graphql);
#   5. fetches every export format and reads each with its users' tools
#      (e2e/exports.py: networkx, igraph, pandas, rapper, rdflib);
#   6. GraphiQL at /graphiql, /schema.graphql, and the live feed: the npm
#      graphql-sse client and the explorer see a stance added by a mutation
#      (e2e/live.mjs);
#   7. rebuilds GraphiQL from web/graphiql/package-lock.json and compares it
#      with the embedded web/graphiql/dist/.
# Screenshots, the executed notebook, its PNGs, the audit report and the
# server log land in e2e/out/. Exits non-zero when any step fails.
# E2E_URL=http://HOST:PORT checks a server that is already running instead.
set -uo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E_DIR/.." && pwd)
OUT=$E2E_DIR/out
APT_PACKAGES=(python3-requests python3-pandas python3-matplotlib python3-networkx
  jupyter-nbconvert python3-ipykernel chromium fonts-dejavu-core curl
  raptor2-utils python3-rdflib python3-igraph)
# Debian's Python, which has the packages above; a python3 earlier on PATH
# (pyenv, a virtualenv) may lack them.
PY=/usr/bin/python3

log() { printf '== %s\n' "$*"; }
die() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
}

install_npm() {
  command -v node >/dev/null || die "node is not installed (playwright-core needs Node.js 20 or later)"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "node $(node --version) is too old: playwright-core needs Node.js 20 or later"
  log "npm ci in e2e/"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

install_apt
install_npm

rm -rf "$OUT"
mkdir -p "$OUT/screenshots" "$OUT/notebook"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/stancegraph-e2e.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${E2E_URL:-}" ]; then
  # A server that is already running, for working on these checks; the
  # default, and what CI does, is a fresh graphd with an empty store.
  BASE=${E2E_URL%/}
  log "using the running server at $BASE"
  curl -fsS -o /dev/null "$BASE/healthz" || die "$BASE/healthz does not answer"
fi
# Built in either case: the browser step loads its large graph with it.
log "building graphd"
(cd "$ROOT" && go build -o "$TMP/graphd" ./cmd/graphd) || die "go build ./cmd/graphd failed"
if [ -z "${E2E_URL:-}" ]; then
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  log "starting graphd on $BASE with store $TMP/data"
  "$TMP/graphd" serve --data "$TMP/data" --addr "127.0.0.1:$PORT" >"$OUT/graphd.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/graphd.log"; die "graphd exited before answering /healthz"; }
    sleep 0.5
  done
  curl -fsS -o /dev/null "$BASE/healthz" || { tail -20 "$OUT/graphd.log"; die "graphd did not answer $BASE/healthz within 60 s"; }
fi

PASSED=0
FAILED=0
FAILURES=()
run_step() {
  local name=$1
  shift
  log "$name"
  if "$@"; then
    PASSED=$((PASSED + 1))
    echo "ok   $name"
  else
    FAILED=$((FAILED + 1))
    FAILURES+=("$name")
    echo "FAIL $name"
  fi
}

notebook_client_tests() {
  (cd "$ROOT/examples/notebook" && PYTHONDONTWRITEBYTECODE=1 "$PY" -m unittest -q test_graphd_client)
}

notebook() {
  (cd "$ROOT/examples/notebook" &&
    GRAPHD="$TMP/graphd" GRAPHD_URL=$BASE GRAPHD_NOTEBOOK_OUT="$OUT/notebook" PYTHONDONTWRITEBYTECODE=1 PYDEVD_DISABLE_FILE_VALIDATION=1 \
      "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
      --ExecutePreprocessor.kernel_name=python3 stances.ipynb \
      --output-dir "$OUT/notebook" --output stances.executed.ipynb) || return 1
  local ok=0 png size
  for png in stance_matrix.png stance_graph.png stance_graph_graphml.png dyad_timeline.png analysis_timeline.png coalitions.png \
    gdelt_quadclass.png gdelt_goldstein.png gdelt_timeline.png; do
    size=$(stat -c %s "$OUT/notebook/$png" 2>/dev/null || echo 0)
    if [ "$size" -gt 5120 ]; then
      echo "     $png: $size bytes"
    else
      echo "     $png: missing or too small ($size bytes)"
      ok=1
    fi
  done
  return $ok
}

browser() {
  # GRAPHD: the large-graph checks load a generated graph with this binary.
  (cd "$E2E_DIR" && GRAPHD="$TMP/graphd" node browser.mjs "$BASE" "$OUT/screenshots")
}

audit() {
  (cd "$E2E_DIR" && node audit.mjs "$BASE/graphql" "$OUT/graphql-http-audit.md")
}

contract() {
  (cd "$E2E_DIR" && node contract.mjs "$BASE/graphql" "$ROOT/schema/contract.graphql")
}

exports() {
  local ok=0 fmt code
  for fmt in json jsonl graphml csv nquads neo4j; do
    code=$(curl -sS -o "$OUT/export.$fmt" -w '%{http_code} %{content_type}' "$BASE/export?format=$fmt")
    echo "     export $fmt: HTTP $code, $(stat -c %s "$OUT/export.$fmt" 2>/dev/null || echo 0) bytes"
    [ "${code%% *}" = 200 ] || ok=1
  done
  # Each body must load in its readers with every quote present.
  PYTHONDONTWRITEBYTECODE=1 "$PY" -W ignore "$E2E_DIR/exports.py" "$OUT" || ok=1
  return $ok
}

live() {
  (cd "$E2E_DIR" && node live.mjs "$BASE" "$OUT/screenshots")
}

graphiql_bundle() {
  local fresh=$TMP/graphiql-dist
  (cd "$ROOT/web/graphiql" && npm ci --no-audit --no-fund --loglevel=error &&
    GRAPHIQL_OUT=$fresh node build.mjs) || return 1
  diff -r "$fresh" "$ROOT/web/graphiql/dist" >/dev/null ||
    { echo "     web/graphiql/dist differs from a build of its lockfile: run make graphiql and commit dist/"; return 1; }
}

run_step "explorer layout unit tests" node --test "$ROOT/web/jstest/"
run_step "notebook client tests" notebook_client_tests
run_step "notebook runs headless" notebook
run_step "explorer in headless Chromium" browser
run_step "graphql-http audits (MUST)" audit
run_step "schema matches the contract" contract
run_step "export formats" exports
run_step "GraphiQL and the live feed in headless Chromium" live
run_step "GraphiQL bundle matches its lockfile" graphiql_bundle

if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
  FAILED=$((FAILED + 1))
  FAILURES+=("graphd died during the run")
fi
log "artifacts in $OUT"
for f in "${FAILURES[@]}"; do echo "failed: $f"; done
echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
