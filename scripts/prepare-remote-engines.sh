#!/usr/bin/env bash
# What the remote-engine tests need (issue 15): Debian's openssh-server (a real sshd on 127.0.0.1 with its
# own config, started by the tests themselves), openssl (the test CA and certificates) and podman (its
# Docker-compatible API socket, `podman system service`). No service is started here: each test starts
# its own daemon on its own port and stops it.
source "$(dirname "$0")/lib.sh"
apt_install openssh-server openssh-client openssl podman
# openssh-server's postinst may start sshd on port 22 when an init system runs; the tests never use it.
