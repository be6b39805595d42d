#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock (or $DOCKER_HOST) and the local test images
# exist. Idempotent: reuses an engine that already answers and images that are already built.
source "$(dirname "$0")/lib.sh"

SOCK=/var/run/docker.sock
ping_engine() { curl -sf --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

apt_install curl ca-certificates
if ! ping_engine; then
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  command -v dockerd >/dev/null 2>&1 || { say "dockerd is not installed and could not be installed"; exit 1; }
  say "starting dockerd (log: $CACHE_DIR/dockerd.log)"
  # setsid: the daemon outlives this script and the test run that started it.
  setsid dockerd >"$CACHE_DIR/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 150); do ping_engine && break; sleep 0.2; done
  ping_engine || { say "dockerd did not answer within 30 s"; tail -20 "$CACHE_DIR/dockerd.log" >&2; exit 1; }
fi
say "engine answers: $(curl -s --unix-socket "$SOCK" http://localhost/version | sed -E 's/.*"Version":"([^"]+)".*/\1/' | head -c 40)"

bash "$(dirname "$0")/build-test-images.sh"
