#!/usr/bin/env bash
# Starts a private registry for the push/pull/login tests: Debian's docker-registry (the CNCF distribution
# registry) on 127.0.0.1:<port> with htpasswd auth, storage in a fresh folder. Prints one JSON line:
#   {"url":"127.0.0.1:PORT","username":"...","password":"...","pid":N,"dir":"..."}
# Stop it with: kill <pid>; rm -rf <dir>. Usage: prepare-registry.sh [port] (default: a free port).
source "$(dirname "$0")/lib.sh"

apt_install docker-registry apache2-utils >&2 || true
command -v docker-registry >/dev/null 2>&1 || { say "docker-registry is not installed"; exit 1; }

PORT="${1:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
DIR="$(mktemp -d "${TMPDIR:-/tmp}/dockside-registry-XXXXXX")"
USERNAME="dockside"
PASSWORD="pw-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# htpasswd when apache2-utils is there, else the same bcrypt line from Python's crypt.
if command -v htpasswd >/dev/null 2>&1; then
  htpasswd -Bbn "$USERNAME" "$PASSWORD" >"$DIR/htpasswd"
else
  printf '%s:%s\n' "$USERNAME" "$(python3 -W ignore -c 'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))' "$PASSWORD")" >"$DIR/htpasswd"
fi

cat >"$DIR/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
auth:
  htpasswd:
    realm: dockside-test
    path: $DIR/htpasswd
YAML

setsid docker-registry serve "$DIR/config.yml" >"$DIR/registry.log" 2>&1 </dev/null &
PID=$!
for _ in $(seq 1 100); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true)"
  [ "$code" = 401 ] && break
  sleep 0.1
done
[ "${code:-}" = 401 ] || { say "the registry did not answer on 127.0.0.1:$PORT"; cat "$DIR/registry.log" >&2; kill "$PID" 2>/dev/null; exit 1; }
printf '{"url":"127.0.0.1:%s","username":"%s","password":"%s","pid":%s,"dir":"%s"}\n' "$PORT" "$USERNAME" "$PASSWORD" "$PID" "$DIR"
