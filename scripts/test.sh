#!/usr/bin/env bash
# The whole test run, from a fresh Debian machine with Node 20, npm and apt: installs what is missing,
# makes sure an engine answers, builds, runs the unit tests (node mocha, real engine) and the
# extension-host suite (real VS Code in code-server, driven by headless Chromium).
# Ends with one line "total: N passed, N failed".
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  npm ci --no-audit --no-fund >/dev/null
fi
bash scripts/prepare-engine.sh
bash scripts/prepare-remote-engines.sh
bash scripts/prepare-swarm.sh
# unzip: the .vsix test; shellcheck: the ShellCheck rules; iproute2: veth parents for macvlan tests;
# docker-registry + apache2-utils: the private registry (htpasswd) of the push/pull tests.
# docker-compose: Debian's compose v1 (1.29), the real CLI of the compose tests.
# procps: sysctl, which turns IPv4 forwarding off inside the Docker doctor's test namespace.
apt_install unzip shellcheck iproute2 docker-registry apache2-utils docker-compose procps
say "building and packing the .vsix (the tests run the shipped, minified bundles)"
node scripts/build.mjs --tests
node scripts/package.mjs | tail -1

cleanup() { bash scripts/cleanup-test-resources.sh || true; }
trap cleanup EXIT

unit_log="$(mktemp)"
say "unit tests"
set +e
npx mocha --config test/unit/.mocharc.json 2>&1 | tee "$unit_log"
unit_status=${PIPESTATUS[0]}
say "extension-host tests (code-server)"
ext_log="$(mktemp)"
node out/test/launchers/codeServer.js 2>&1 | tee "$ext_log"
ext_status=${PIPESTATUS[0]}
set -e

count() { grep -Eo "^ *[0-9]+ $1" "$2" | tail -1 | grep -Eo '[0-9]+' || echo 0; }
unit_passed=$(count passing "$unit_log"); unit_failed=$(count failing "$unit_log")
[ "$unit_status" -ne 0 ] && [ "$unit_failed" -eq 0 ] && unit_failed=1
ext_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$ext_log" | tail -1)
ext_passed=$(echo "$ext_line" | grep -Eo '^[0-9]+' || echo 0)
ext_failed=$(echo "$ext_line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
[ -n "$ext_failed" ] && [ "$ext_failed" -eq "$ext_failed" ] 2>/dev/null || ext_failed=1
[ "$ext_status" -ne 0 ] && [ "$ext_failed" -eq 0 ] && ext_failed=1
# The record of a CI run keeps only the end of its output: repeat the failures there, unit and
# extension host alike, so a red run says which test failed and why.
failures() { if grep -qE '^ *[0-9]+ failing' "$1"; then sed -n -E '/^ *[0-9]+ failing/,$p' "$1" | head -n 80; else tail -n 40 "$1"; fi; }
if [ "$unit_failed" -ne 0 ]; then echo "unit failures:"; failures "$unit_log"; fi
if [ "$ext_failed" -ne 0 ]; then echo "extension-host failures:"; grep -A6 '^FAILED: ' "$ext_log" | head -n 80; fi
rm -f "$unit_log" "$ext_log"

echo "unit: $unit_passed passed, $unit_failed failed; extension host: $ext_passed passed, $ext_failed failed"
echo "total: $((unit_passed + ext_passed)) passed, $((unit_failed + ext_failed)) failed"
[ "$unit_status" -eq 0 ] && [ "$ext_status" -eq 0 ]
