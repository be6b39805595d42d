#!/usr/bin/env bash
# Builds the images the tests use from Debian's busybox-static: nothing is ever pulled from a registry.
source "$(dirname "$0")/lib.sh"

IMAGE="${DOCKSIDE_TEST_IMAGE:-dockside-test/busybox:latest}"
apt_install busybox-static
command -v docker >/dev/null 2>&1 || apt_install docker.io
if docker image inspect "$IMAGE" >/dev/null 2>&1; then exit 0; fi

ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp /bin/busybox "$ctx/busybox"
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
LABEL org.opencontainers.image.title="dockside test image" dockside.test="true"
CMD ["/bin/sh"]
DOCKERFILE
say "building $IMAGE"
docker build -q -t "$IMAGE" "$ctx" >/dev/null
