#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing Tsunagi need.
# Skips what is present; uses sudo only when not root.
set -euo pipefail

packages=(
    # build (libxcb1-dev: the terminal's typing fast path reads X key presses)
    cmake ninja-build g++ pkg-config libxcb1-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-translations-l10n
    libgl-dev libssl-dev libvterm-dev libtelnet-dev qtkeychain-qt6-dev
    # benchmarks (tests/bench, built with the project): the keystroke probe's X DAMAGE events
    libxcb-damage0-dev
    # run: QtKeychain loads libsecret at run time to reach a Secret Service (GNOME Keyring,
    # KeePassXC); without it, and without KWallet, it answers only "Unknown error"
    fonts-noto-cjk libsecret-1-0
    # tests: real peers on 127.0.0.1
    openssl stunnel4 inetutils-telnetd
    # tests: the typing fast path test runs its own X server, types real key presses and
    # switches keyboard layouts (setxkbmap)
    xvfb xdotool x11-xkb-utils
    # tests: the fuzz seed corpora replayed under valgrind (libvterm and libtelnet, uninstrumented)
    valgrind
    # make fuzz: clang's libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # packages: make package, make check-package
    dpkg-dev file desktop-file-utils appstream lintian man-db
)

# Other set-ups (the benchmarks' peers) name their own packages: install-deps.sh PACKAGE...
(($#)) && packages=("$@")

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$p")
done
((${#missing[@]})) || exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
