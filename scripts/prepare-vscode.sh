#!/usr/bin/env bash
# Installs what the extension-host tests need on a fresh Debian machine, reusing what is already there:
# code-server (VS Code for the browser, the real workbench and Node extension host) and Debian's Chromium.
# Prints the code-server binary path on stdout.
source "$(dirname "$0")/lib.sh"

CODE_SERVER_VERSION=4.100.3   # VS Code 1.100.3; later releases need Node 22
CS_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"

# fonts-wqy-microhei: the Chinese UI suite draws CJK text (else boxes in screenshots).
apt_install chromium ripgrep libkrb5-dev python3 make g++ fonts-wqy-microhei
# Several test runs may start at once on one machine: one installs, the others wait for it.
exec 9>"$CACHE_DIR/code-server.lock"
flock 9
if [ ! -f "$CS_BIN" ] || [ ! -f "$CS_DIR/.complete" ]; then
  say "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about a minute)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # @vscode/ripgrep's postinstall downloads a binary unless its cache already holds the tarball:
  # give it Debian's rg instead (testing.md, "A real VS Code"). npm 11 blocks dependency install scripts by
  # default; code-server cannot work without its own (native modules, nested installs), so allow them here only.
  tmp="${TMPDIR:-/tmp}"
  build="$(mktemp -d)"; cp /usr/bin/rg "$build/rg"
  for ver in 1.15.9 1.15.10 1.15.11 1.15.13 1.15.14; do
    mkdir -p "$tmp/vscode-ripgrep-cache-$ver"
    tar -czf "$tmp/vscode-ripgrep-cache-$ver/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$build" rg
  done
  rm -rf "$build"
  (cd "$CS_DIR" && echo '{"name":"dockside-code-server","private":true}' > package.json \
    && npm_config_yes=true npm_config_dangerously_allow_all_scripts=true npm install --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1) \
    || { say "code-server install failed:"; tail -30 "$CS_DIR/install.log" >&2; exit 1; }
  touch "$CS_DIR/.complete"
fi
echo "$CS_BIN"
