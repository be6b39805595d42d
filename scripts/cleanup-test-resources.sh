#!/usr/bin/env bash
# Removes whatever the tests left on the engine (containers, volumes, networks labelled dockside.test, and
# untagged images built from the test image), even after a failed or interrupted run.
source "$(dirname "$0")/lib.sh"
command -v docker >/dev/null 2>&1 || exit 0
ids=$(docker ps -aq --filter label=dockside.test 2>/dev/null || true)
[ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
vols=$(docker volume ls -q --filter label=dockside.test 2>/dev/null || true)
[ -z "$vols" ] || docker volume rm -f $vols >/dev/null 2>&1 || true
nets=$(docker network ls -q --filter label=dockside.test 2>/dev/null || true)
[ -z "$nets" ] || docker network rm $nets >/dev/null 2>&1 || true
# Untagged images built from the test image (the classic builder keeps a multi-stage build's earlier
# stages as dangling images): they inherit its label, so nothing else on the engine matches.
docker image prune -f --filter label=dockside.test >/dev/null 2>&1 || true
