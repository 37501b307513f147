#!/usr/bin/env bash
# Installs what `make bench` compares Tsunagi with and runs it under: the peer terminals
# (Debian's xterm and qterminal), the X server and key injector (Xvfb, xdotool), the raw TLS
# pipe the peers read through (socat), and the profiler. Not part of the normal build.
set -euo pipefail

packages=(xterm qterminal xvfb xdotool x11-utils socat openssl linux-perf valgrind python3)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$p")
done
((${#missing[@]})) || exit 0

echo "bench: installing ${missing[*]}"
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
