#!/usr/bin/env bash
# Installs what `make bench` compares Tsunagi with and runs it under: the peer terminals
# (Debian's xterm and qterminal), the X server and key injector (Xvfb, xdotool), the raw TLS
# pipe the peers read through (socat), and the profiler. Not part of the normal build.
set -euo pipefail

exec "$(dirname "$0")/../../packaging/install-deps.sh" \
    xterm qterminal xvfb xdotool x11-utils socat openssl linux-perf valgrind python3
