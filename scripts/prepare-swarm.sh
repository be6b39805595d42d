#!/usr/bin/env bash
# What the swarm tests need (issue 17): dockerd and the docker CLI (`docker stack deploy`) from Debian's
# docker.io, iproute2 (`ip netns`, the veth pair that carries the swarm's own addresses) and util-linux
# (nsenter). The tests start their private swarm engines themselves, in namespaces of their own.
source "$(dirname "$0")/lib.sh"
apt_install docker.io iproute2 util-linux
