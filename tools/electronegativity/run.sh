#!/usr/bin/env bash
# Electron security lint for the desktop shell: src-main/electron/*.ts and, when built,
# dist/main/{electron-main,electron-app,preload}.cjs. Writes .artifacts/electronegativity.csv; exits 1 on a
# finding above INFORMATIONAL without a `// electronegativity: <why>` comment (see scan.mjs).
# The one check that fetches Electron's release list is left out (scan.mjs says why): nothing here
# reaches the network.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/@doyensec/electronegativity" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
node "$here/scan.mjs" 2>&1 | grep -v -e 'Could not retrieve updated translations' -e "fetching Electron's releases" ; exit "${PIPESTATUS[0]}"
