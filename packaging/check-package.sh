#!/usr/bin/env bash
# Checks the Linux packages that `make package` built (called by `make check-package` and CI):
#   the .deb's control fields and contents, desktop-file-validate, appstreamcli validate,
#   lintian (no errors), the man page against the options the program really accepts, the
#   translations and icon embedded in the binary, the package unpacked into a scratch root
#   running `tsunagi --version` and `tsunagi --diagnose --help` from there, the .tar.gz, and
#   `cmake --install` with DESTDIR.
# Usage: packaging/check-package.sh [BUILD_DIR]   (default: build)
set -uo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build=${1:-build}
[[ $build = /* ]] || build=$source_dir/$build

app_id=org.tsunagi.Tsunagi
passed=0
failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
note() { echo "note - $*"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds; its output shows on failure
    local what=$1 output
    shift
    if output=$("$@" 2>&1); then
        ok "$what"
    else
        fail "$what"
        [[ -n $output ]] && sed 's/^/       /' <<<"$output"
    fi
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tsunagi-check-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

version=$(sed -n 's/^project(Tsunagi VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
shopt -s nullglob
debs=("$build"/packages/tsunagi_"$version"_*.deb)
tgzs=("$build"/packages/tsunagi-"$version"-linux-*.tar.gz)
shopt -u nullglob
if ((${#debs[@]} != 1)); then
    fail "exactly one tsunagi_${version}_*.deb in $build/packages (found ${#debs[@]}; run make package)"
    echo "0 passed, $((failed)) failed"
    exit 1
fi
deb=${debs[0]}
ok "built $(basename "$deb")"

# --- control fields ------------------------------------------------------------------------
control=$scratch/control
dpkg-deb --field "$deb" >"$control"
field() { sed -n "s/^$1: //p" "$control"; }
check "Package: tsunagi" test "$(field Package)" = tsunagi
check "Version: $version" test "$(field Version)" = "$version"
check "Section: net" test "$(field Section)" = net
check "Maintainer is set ($(field Maintainer))" grep -q '^Maintainer: .\+ <.\+@.\+>' "$control"
depends=$(field Depends)
check "Depends computed from the binary (libc6, Qt 6, OpenSSL, libvterm, libtelnet, QtKeychain): $depends" \
    bash -c '[[ $1 == *libc6* && $1 == *libqt6widgets6* && $1 == *libqt6network6* && $1 == *libssl3* && $1 == *libvterm0* && $1 == *libtelnet2* && $1 == *libqt6keychain1* ]]' _ "$depends"
check "Description has a summary and an extended description" \
    bash -c '[[ $(sed -n "/^Description: /,\$p" "$1" | wc -l) -ge 5 ]]' _ "$control"

# --- contents ------------------------------------------------------------------------------
contents=$scratch/contents
dpkg-deb --contents "$deb" | awk '{print $6}' >"$contents"
expect_file() { grep -qx "\./$1" "$contents"; }
for path in usr/bin/tsunagi \
    usr/share/applications/tsunagi.desktop \
    "usr/share/metainfo/$app_id.metainfo.xml" \
    usr/share/icons/hicolor/scalable/apps/tsunagi.svg \
    usr/share/man/man1/tsunagi.1.gz \
    usr/share/doc/tsunagi/copyright \
    usr/share/doc/tsunagi/changelog.gz; do
    check "contents: /$path" expect_file "$path"
done
for size in 16 22 24 32 48 64 128 256 512; do
    check "contents: hicolor ${size}x${size} icon" expect_file "usr/share/icons/hicolor/${size}x${size}/apps/tsunagi.png"
done
check "contents: nothing outside /usr" bash -c '! grep -v "^\./\(usr/.*\)\?$" "$1"' _ "$contents"

# --- the package unpacked into a scratch root --------------------------------------------------
root=$scratch/root
mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin/tsunagi
check "unpacked binary is an executable ELF, stripped" \
    bash -c 'file -b "$1" | grep -q "ELF.*executable.*stripped" && ! file -b "$1" | grep -q "not stripped"' _ "$bin"

check "desktop-file-validate tsunagi.desktop" desktop-file-validate "$root/usr/share/applications/tsunagi.desktop"
desktop=$root/usr/share/applications/tsunagi.desktop
check "desktop: Exec=tsunagi --connect %u" grep -qx 'Exec=tsunagi --connect %u' "$desktop"
check "desktop: telnet, telnets and tsunagi link handler" \
    grep -qx 'MimeType=x-scheme-handler/telnet;x-scheme-handler/telnets;x-scheme-handler/tsunagi;' "$desktop"
check "desktop: Name and Comment in Japanese" bash -c 'grep -q "^Name\[ja\]=" "$1" && grep -q "^Comment\[ja\]=" "$1"' _ "$desktop"
check "desktop: Icon=tsunagi is installed" bash -c 'grep -qx "Icon=tsunagi" "$1"' _ "$desktop"

metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
check "appstreamcli validate $app_id.metainfo.xml" appstreamcli validate --no-net "$metainfo"
check "metainfo: launchable is the installed .desktop file" grep -q '<launchable type="desktop-id">tsunagi.desktop</launchable>' "$metainfo"
check "metainfo: description in English and Japanese" grep -q '<p xml:lang="ja">' "$metainfo"
check "metainfo: OARS content rating" grep -q '<content_rating type="oars-1.1"' "$metainfo"
check "metainfo: release $version" grep -q "<release version=\"$version\"" "$metainfo"
for shot in $(sed -n 's#.*<image[^>]*>.*/\([^/<]*\.png\)</image>.*#\1#p' "$metainfo"); do
    if [[ -f $source_dir/packaging/screenshots/$shot ]]; then
        ok "metainfo screenshot packaging/screenshots/$shot exists"
    else
        note "metainfo screenshot packaging/screenshots/$shot not taken yet (packaging/screenshots.sh)"
    fi
done

man_page=$root/usr/share/man/man1/tsunagi.1.gz
man_warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man_page" 2>&1 >"$scratch/man.txt")
check "man page renders without warnings${man_warnings:+: $man_warnings}" test -z "$man_warnings"
check "man page names the version" grep -q "Tsunagi $version" "$scratch/man.txt"

# Run the installed binary as a user would: its own HOME and folders, no display needed.
export HOME=$scratch/home TSUNAGI_CONFIG_DIR=$scratch/config TSUNAGI_DATA_DIR=$scratch/data
export TSUNAGI_SECRET_BACKEND=memory QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$scratch/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY

out=$("$bin" --version 2>&1)
status=$?
check "installed tsunagi --version exits 0 and prints $version (got $status: $out)" \
    bash -c '[[ $1 -eq 0 && $2 == *"$3"* ]]' _ "$status" "$out" "$version"

help=$("$bin" --help 2>&1)
status=$?
check "installed tsunagi --help exits 0 (got $status)" test "$status" -eq 0

diag_help=$("$bin" --diagnose --help 2>&1)
status=$?
check "installed tsunagi --diagnose --help exits 0 or 2 (got $status)" bash -c '[[ $1 -eq 0 || $1 -eq 2 ]]' _ "$status"
diagnose_options=(--no-tls --tls-min --tls-max --encryption --trust --ca-file --client-cert --client-key
    --no-hostname-check --revocation --crl-file --revocation-required --fips --proxy --proxy-token-file
    --timeout --observe --json --lang --profile)
if [[ $diag_help == *--no-tls* ]]; then
    missing=()
    for option in "${diagnose_options[@]}"; do
        grep -q -- "$option\b" <<<"$diag_help" || missing+=("$option")
    done
    check "tsunagi --diagnose --help lists every option of design.md${missing[*]:+ (missing: ${missing[*]})}" test ${#missing[@]} -eq 0
else
    note "tsunagi --diagnose --help does not list the --diagnose options yet (output: ${diag_help:0:120})"
fi

# Every option the program prints in its help must be in the man page, and the other way round
# for the --diagnose set of design.md.
undocumented=()
for option in $(grep -o -- '--[a-z][a-z-]*' <<<"$help"$'\n'"$diag_help" | sort -u); do
    grep -q -- "${option//-/\\\\-}" "$source_dir/packaging/linux/tsunagi.1" || undocumented+=("$option")
done
check "man page documents every option of --help and --diagnose --help${undocumented[*]:+ (missing: ${undocumented[*]})}" \
    test ${#undocumented[@]} -eq 0
missing=()
for option in "${diagnose_options[@]}" --list --names-only --connect --config-dir --version --help --demo --diagnose; do
    grep -q -- "${option//-/\\\\-}" "$source_dir/packaging/linux/tsunagi.1" || missing+=("$option")
done
check "man page documents the whole --diagnose set and the other options${missing[*]:+ (missing: ${missing[*]})}" test ${#missing[@]} -eq 0
check "man page has EXIT STATUS 0/1/2 and EXAMPLES" \
    bash -c 'grep -q "^EXIT STATUS" "$1" && grep -q "^EXAMPLES" "$1"' _ "$scratch/man.txt"

# Translations and the icon are Qt resources inside the binary (rcc keeps names as UTF-16BE).
has_resource() { python3 -c 'import sys; sys.exit(0 if sys.argv[2].encode("utf-16-be") in open(sys.argv[1],"rb").read() else 1)' "$bin" "$1"; }
for name in tsunagi_ja.qm tsunagi_en.qm tsunagi.svg; do
    check "resource $name embedded in the installed binary" has_resource "$name"
done
# At run time: the same console output in Japanese and English differs when translations load.
ja=$(LANG=C.UTF-8 "$bin" --lang ja --help 2>&1)
en=$(LANG=C.UTF-8 "$bin" --lang en --help 2>&1)
if grep -qP '[\x{3040}-\x{30ff}\x{4e00}-\x{9fff}]' <<<"$ja"; then
    check "tsunagi --lang ja --help prints Japanese from the embedded translation" test "$ja" != "$en"
else
    note "tsunagi --lang ja --help prints no Japanese yet: run-time translation not checked"
fi

# A launch from the applications menu runs `tsunagi --connect` with no address (%u expands to
# nothing): that must start the application, not end with a usage error.
timeout 5 "$bin" --connect >"$scratch/menu-launch.txt" 2>&1
status=$?
if ((status == 2)); then
    fail "a menu launch (tsunagi --connect, no address) ends with a usage error: $(head -c 120 "$scratch/menu-launch.txt")"
else
    ok "menu launch (tsunagi --connect, no address) is not a usage error (status $status)"
fi

# --- lintian -----------------------------------------------------------------------------------
if command -v lintian >/dev/null; then
    # Root (CI) is fine here: lintian only reads the package.
    lintian --tag-display-limit 0 --display-info "$deb" 2>&1 | grep -v 'running with root privileges' >"$scratch/lintian.txt"
    errors=$(grep -c '^E: ' "$scratch/lintian.txt")
    [[ -s $scratch/lintian.txt ]] && sed 's/^/       lintian: /' "$scratch/lintian.txt"
    check "lintian: no errors ($errors; warnings allowed)" test "$errors" -eq 0
else
    fail "lintian is not installed (packaging/install-deps.sh installs it)"
fi

# --- the .tar.gz ---------------------------------------------------------------------------------
if ((${#tgzs[@]} == 1)); then
    tar -tzf "${tgzs[0]}" >"$scratch/tgz.txt"
    top=$(basename "${tgzs[0]}" .tar.gz)
    for path in bin/tsunagi share/applications/tsunagi.desktop "share/metainfo/$app_id.metainfo.xml" \
        share/man/man1/tsunagi.1.gz share/icons/hicolor/scalable/apps/tsunagi.svg; do
        check "$(basename "${tgzs[0]}") holds $top/$path" grep -qx "$top/$path" "$scratch/tgz.txt"
    done
else
    fail "exactly one tsunagi-$version-linux-*.tar.gz in $build/packages (found ${#tgzs[@]})"
fi

# --- cmake --install with DESTDIR (what `make install DESTDIR=...` runs) ------------------------
destdir=$scratch/destdir
if DESTDIR=$destdir cmake --install "$build" --prefix /usr >"$scratch/install.txt" 2>&1; then
    missing=()
    for path in usr/bin/tsunagi usr/share/applications/tsunagi.desktop "usr/share/metainfo/$app_id.metainfo.xml" \
        usr/share/man/man1/tsunagi.1.gz usr/share/icons/hicolor/48x48/apps/tsunagi.png; do
        [[ -e $destdir/$path ]] || missing+=("$path")
    done
    check "cmake --install with DESTDIR lays out the FHS tree${missing[*]:+ (missing: ${missing[*]})}" test ${#missing[@]} -eq 0
    check "binary installed with DESTDIR runs --version" "$destdir/usr/bin/tsunagi" --version
else
    fail "cmake --install with DESTDIR: $(tail -n 3 "$scratch/install.txt")"
fi

echo
echo "check-package: $passed passed, $failed failed"
((failed == 0))
