#!/usr/bin/env bash
# Removes whatever the tests left on the engine (containers, volumes, networks labelled dockside.test),
# even after a failed or interrupted run.
source "$(dirname "$0")/lib.sh"
command -v docker >/dev/null 2>&1 || exit 0
ids=$(docker ps -aq --filter label=dockside.test 2>/dev/null || true)
[ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
vols=$(docker volume ls -q --filter label=dockside.test 2>/dev/null || true)
[ -z "$vols" ] || docker volume rm -f $vols >/dev/null 2>&1 || true
nets=$(docker network ls -q --filter label=dockside.test 2>/dev/null || true)
[ -z "$nets" ] || docker network rm $nets >/dev/null 2>&1 || true
