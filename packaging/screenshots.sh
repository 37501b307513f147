#!/usr/bin/env bash
# Takes the screenshots that the README and the AppStream metainfo use, into packaging/screenshots/:
#   main-window.png          the main window with a live session
#   security-properties.png  Security Properties of a profile
#   pki-configuration.png    PKI Configuration, opened from Security Properties
#   error-dialog-en.png      the error dialog for an untrusted (self-signed) certificate, in English
#   error-dialog-ja.png      the same in Japanese
# The application runs under its own Xvfb server (a free display, no TCP listener) with a scratch
# configuration; the hosts it connects to are `openssl s_server` processes on 127.0.0.1 started
# here, or the demo lab (`tsunagi --demo`) when the build has it. A shot the build cannot show yet
# is skipped with a message; the script exits non-zero when any shot was skipped.
#
# Usage: packaging/screenshots.sh [BUILD_DIR]     (default: build; TSUNAGI=/path/to/tsunagi overrides;
#        SHOTS="main security error-en error-ja" takes only some)
# Needs: xvfb, imagemagick (import), xdotool, openssl, fonts-noto-cjk (Japanese glyphs).
set -uo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build=${1:-build}
app=${TSUNAGI:-$build/app/tsunagi}
out=$source_dir/packaging/screenshots
width=1280
height=800

say() { echo "screenshots: $*"; }
missing=()
for tool in Xvfb xdotool openssl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
# ImageMagick's own import, not a stand-in earlier in PATH.
import=/usr/bin/import
[[ -x $import ]] || missing+=(import)
if ((${#missing[@]})); then
    say "missing ${missing[*]}: apt-get install xvfb imagemagick xdotool openssl fonts-noto-cjk"
    exit 1
fi
if [[ ! -x $app ]]; then
    say "no tsunagi binary at $app: build it first (make build, or pass the build folder)"
    exit 1
fi
app=$(realpath "$app")
mkdir -p "$out"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tsunagi-screenshots.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT

# --- X server ----------------------------------------------------------------------------------
mkfifo "$scratch/displayfd"
Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp -nolisten unix-abstract 3>"$scratch/displayfd" \
    >"$scratch/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 20 display_number <"$scratch/displayfd" || {
    say "Xvfb did not start: $(cat "$scratch/xvfb.log")"
    exit 1
}
export DISPLAY=:$display_number
say "Xvfb on $DISPLAY (${width}x${height})"
unset WAYLAND_DISPLAY
export QT_QPA_PLATFORM=xcb TSUNAGI_SECRET_BACKEND=memory LANG=C.UTF-8

help_text=$("$app" --help 2>&1)
has_option() { grep -q -- "$1\b" <<<"$help_text"; }

# --- loopback TLS hosts --------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pki=$scratch/pki
mkdir -p "$pki"
# A CA the "working" profile trusts, its host certificate for localhost, and a self-signed one.
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Tsunagi Screenshot CA" \
    -keyout "$pki/ca.key" -out "$pki/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$pki/host.key" -out "$pki/host.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$pki/host.ext"
openssl x509 -req -in "$pki/host.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" -CAcreateserial -days 30 \
    -extfile "$pki/host.ext" -out "$pki/host.pem" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
    -keyout "$pki/self.key" -out "$pki/self.pem" 2>/dev/null

# start_tls_host CERT KEY: an openssl s_server on 127.0.0.1 that sends a greeting; prints its port.
start_tls_host() {
    local port
    port=$(free_port)
    {
        printf '\r\n\033[1;32mTsunagi screenshot host\033[0m  (localhost, TLS)\r\n'
        printf '\033[36mようこそ。\033[0m This session runs over TLS 1.3 to 127.0.0.1.\r\n\r\n'
        printf '$ uptime\r\n 12:00:00 up 42 days,  3 users,  load average: 0.00, 0.01, 0.05\r\n$ '
        sleep 600
    } | openssl s_server -accept "127.0.0.1:$port" -cert "$1" -key "$2" -quiet -naccept 1 \
        >"$scratch/s_server-$port.log" 2>&1 &
    pids+=($!)
    echo "$port"
}

# write_config DIR [EXTRA_CA]: a profile store with a few profiles; the first one is selected.
selected_id=6f1c0c52-8f0a-4c1e-9d3a-2b5c7e9a1d01
write_config() {
    local dir=$1 extra_ca=${2:-} port=${3:-992}
    mkdir -p "$dir"
    local cas="[]"
    [[ -n $extra_ca ]] && cas="[\"$extra_ca\"]"
    cat >"$dir/profiles.json" <<EOF
{ "schemaVersion": 2,
  "folders": ["Production", "Production/Osaka", "Production/Tokyo", "Lab"],
  "profiles": [
    { "id": "$selected_id", "name": "Router 1", "folder": "Production/Osaka",
      "host": "localhost", "port": $port, "protocol": "telnet",
      "security": { "tls": true, "extraCaFiles": $cas, "trustSource": "both", "verifyHostName": true } },
    { "id": "1d9e3a57-0c44-4d2b-a0c6-55e2f3b8c902", "name": "Router 2", "folder": "Production/Osaka",
      "host": "router2.osaka.example.net", "port": 992, "protocol": "telnet", "security": { "tls": true } },
    { "id": "8b2f6d14-77a3-4f0e-8c51-9e0d4a6b3c03", "name": "Mainframe gateway", "folder": "Production/Tokyo",
      "host": "gw.tokyo.example.net", "port": 992, "protocol": "telnet", "security": { "tls": true } },
    { "id": "c47a9e21-3b58-4d6f-b1e2-0f8d7c6a5b04", "name": "Serial console", "folder": "Lab",
      "host": "console.lab.example.net", "port": 7001, "protocol": "raw", "security": { "tls": false } }
  ] }
EOF
    cat >"$dir/tsunagi.conf" <<EOF
[sessionTree]
selection=profile:$selected_id
expandedFolders=Production, Production/Osaka, Production/Tokyo, Lab
EOF
}

# --- driving the application ---------------------------------------------------------------------
app_pid=
start_app() { # start_app NAME ARGS...: a fresh HOME and data folder per shot
    local name=$1
    shift
    mkdir -p "$scratch/$name/home"
    HOME=$scratch/$name/home TSUNAGI_DATA_DIR=$scratch/$name/data \
        "$app" "$@" >"$scratch/$name/app.log" 2>&1 &
    app_pid=$!
    pids+=("$app_pid")
}
stop_app() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
    app_pid=
}
app_alive() { kill -0 "$app_pid" 2>/dev/null; }
# app_windows: the visible top-level windows of the running app, oldest first.
app_windows() { xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null; }
# wait_for_window NAME_REGEX SECONDS: prints the window id once it is visible.
wait_for_window() {
    local deadline=$((SECONDS + $2)) id
    while ((SECONDS < deadline)) && app_alive; do
        id=$(xdotool search --onlyvisible --pid "$app_pid" --name "$1" 2>/dev/null | tail -n 1)
        [[ -n $id ]] && { echo "$id"; return 0; }
        sleep 0.2
    done
    return 1
}
wait_for_main_window() {
    local id
    id=$(wait_for_window 'Tsunagi' 20) || return 1
    xdotool windowmove "$id" 0 0 windowsize "$id" "$width" "$height" 2>/dev/null
    echo "$id"
}
# wait_for_new_window KNOWN_IDS SECONDS: another visible window of the app (a dialog); KNOWN_IDS: "id|id".
wait_for_new_window() {
    local deadline=$((SECONDS + $2)) id
    while ((SECONDS < deadline)) && app_alive; do
        id=$(app_windows | grep -vxE "$1" | tail -n 1)
        [[ -n $id ]] && { echo "$id"; return 0; }
        sleep 0.2
    done
    return 1
}
# Keys go through XTEST to the focused window (Qt ignores keys sent to a window by XSendEvent).
focus() { xdotool windowraise "$1" windowfocus --sync "$1" 2>/dev/null; }
settle() { sleep "${1:-1.5}"; } # let the window paint (and a session print) before the capture
capture_root() { "$import" -window root "$out/$1" && say "wrote packaging/screenshots/$1"; }
capture_window() { "$import" -window "$1" "$out/$2" && say "wrote packaging/screenshots/$2"; }
why_not() { # the app's last words, for a skipped shot
    local log=$scratch/$1/app.log
    app_alive || echo "tsunagi exited: $(tail -n 3 "$log" | tr '\n' ' ')"
}

taken=()
skipped=()
skip() { # skip SHOT REASON: also keeps what the screen showed, for whoever looks into it
    say "SKIPPED $1: $2"
    skipped+=("$1")
    local seen=${TMPDIR:-/tmp}/tsunagi-screenshot-skipped-$1
    if [[ -n $app_pid ]] && app_alive && "$import" -window root "$seen" 2>/dev/null; then
        say "  the screen at that moment: $seen; windows: $(for w in $(app_windows); do printf '"%s" ' "$(xdotool getwindowname "$w")"; done)"
    fi
}

# --- main-window.png -------------------------------------------------------------------------------
shot_main_window() {
    local name=main-window args=() session=
    if has_option --demo; then
        write_config "$scratch/$name/config"
        args=(--demo --connect "Demo/Working session")
        session="the demo lab's working session"
    else
        local port
        port=$(start_tls_host "$pki/host.pem" "$pki/host.key")
        write_config "$scratch/$name/config" "$pki/ca.pem" "$port"
        args=(--connect "Production/Osaka/Router 1")
        session="a TLS session to an openssl s_server on 127.0.0.1 (no --demo in this build)"
    fi
    start_app "$name" --lang en --config-dir "$scratch/$name/config" "${args[@]}"
    local main
    if ! main=$(wait_for_main_window); then
        skip "$name.png" "no main window ($(why_not "$name"))"
        stop_app
        return
    fi
    settle 3
    capture_root "$name.png" && taken+=("$name.png ($session)")
    stop_app
}

# --- security-properties.png and pki-configuration.png -------------------------------------------
shot_security_dialogs() {
    local name=security
    write_config "$scratch/$name/config" "$pki/ca.pem"
    start_app "$name" --lang en --config-dir "$scratch/$name/config"
    local main dialog pki_dialog
    if ! main=$(wait_for_main_window); then
        skip security-properties.png "no main window ($(why_not "$name"))"
        skip pki-configuration.png "no main window"
        stop_app
        return
    fi
    settle 1
    # Edit > Security Properties... for the selected profile (restored from tsunagi.conf).
    focus "$main"
    xdotool key alt+e
    settle 0.5
    xdotool key p
    if ! dialog=$(wait_for_window 'Security Properties' 10); then
        skip security-properties.png "Edit > Security Properties... (Alt+E, P) opened no \"Security Properties\" window"
        skip pki-configuration.png "needs Security Properties"
        stop_app
        return
    fi
    settle
    capture_window "$dialog" security-properties.png && taken+=(security-properties.png)
    # "Configure PKI..." (Alt+K) in the SSL/TLS tab.
    focus "$dialog"
    xdotool key alt+k
    if ! pki_dialog=$(wait_for_new_window "$main|$dialog" 10); then
        skip pki-configuration.png "Configure PKI... (Alt+K) opened no \"PKI\" window"
    else
        settle 4 # it lists the system certificate store
        capture_window "$pki_dialog" pki-configuration.png && taken+=(pki-configuration.png)
    fi
    stop_app
}

# --- error-dialog-en.png and error-dialog-ja.png -----------------------------------------------------
# A real failure through the real connection path: a host whose certificate is self-signed.
shot_error_dialog() {
    local lang=$1 name=error-$1 port main dialog
    port=$(start_tls_host "$pki/self.pem" "$pki/self.key")
    write_config "$scratch/$name/config"
    start_app "$name" --lang "$lang" --config-dir "$scratch/$name/config" --connect "telnets://localhost:$port"
    if ! main=$(wait_for_main_window); then
        skip "error-dialog-$lang.png" "no main window ($(why_not "$name"))"
        stop_app
        return
    fi
    if dialog=$(wait_for_new_window "$main" 20); then
        settle
        capture_window "$dialog" "error-dialog-$lang.png" && taken+=("error-dialog-$lang.png")
    elif app_alive; then
        # This build reports the failure in the session tab (its message bar opens the dialog
        # with Details...): show that instead of nothing, and say so.
        settle
        capture_root "error-dialog-$lang.png" &&
            taken+=("error-dialog-$lang.png (the session tab's error bar: no separate dialog window appeared)")
    else
        skip "error-dialog-$lang.png" "no error dialog for a self-signed certificate ($(why_not "$name"))"
    fi
    stop_app
}

# SHOTS="main security error-en error-ja" (the default) picks what to take.
for shot in ${SHOTS:-main security error-en error-ja}; do
    case $shot in
    main) shot_main_window ;;
    security) shot_security_dialogs ;;
    error-en) shot_error_dialog en ;;
    error-ja) shot_error_dialog ja ;;
    *) say "unknown shot $shot (main, security, error-en, error-ja)" ;;
    esac
done

say "taken: ${#taken[@]}, skipped: ${#skipped[@]}"
for shot in "${taken[@]}"; do say "  taken   $shot"; done
for shot in "${skipped[@]}"; do say "  skipped $shot"; done
((${#skipped[@]} == 0))
