#!/usr/bin/env bash
# Try Dockside in a browser-hosted VS Code: builds and packs the extension, makes sure a Docker engine
# answers, installs the .vsix into a private code-server and serves it on 127.0.0.1 with a sample
# workspace. Prints the URL; Ctrl-C stops it.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

PORT="${DOCKSIDE_TRY_PORT:-8080}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  npm ci --no-audit --no-fund >/dev/null
fi
bash scripts/prepare-engine.sh
code_server="$(bash scripts/prepare-vscode.sh | tail -1)"
node scripts/package.mjs >/dev/null
vsix="$(ls -t dockside-*.vsix | head -1)"

data="$CACHE_DIR/try"
mkdir -p "$data/user-data/User" "$data/extensions"
[ -f "$data/user-data/User/settings.json" ] || echo '{"workbench.startupEditor": "readme", "git.openRepositoryInParentFolders": "never"}' > "$data/user-data/User/settings.json"
say "installing $vsix"
node "$code_server" --user-data-dir "$data/user-data" --extensions-dir "$data/extensions" --install-extension "$REPO_ROOT/$vsix" --force >/dev/null

workspace="$REPO_ROOT/samples/workspace"
say "serving VS Code with Dockside"
echo
echo "    Open http://127.0.0.1:$PORT/?folder=$workspace"
echo
exec node "$code_server" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --user-data-dir "$data/user-data" --extensions-dir "$data/extensions" "$workspace"
