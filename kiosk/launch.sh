#!/usr/bin/env bash
# Start the Một Cửa kiosk: wait until the server answers, then run Chromium full screen on KIOSK_URL.
# Settings come from the environment (the systemd unit reads /etc/default/motcua-kiosk):
#   KIOSK_URL            page to show (default http://127.0.0.1:8000/kiosk/)
#   KIOSK_CHROMIUM_FLAGS extra Chromium flags, e.g. --force-device-scale-factor=1.25
#   KIOSK_POLICY_FILE    managed policy to check the server's host against
#   KIOSK_OFFLINE_AFTER  seconds to wait for the server before starting from the kiosk's offline copy
#                        (only once a copy exists: the very first start always waits; default 60)
#   KIOSK_PRINTING       1: "In mẫu này" prints at once on the default printer (--kiosk-printing);
#                        the policy must then say "PrintingEnabled": true
set -euo pipefail

KIOSK_URL="${KIOSK_URL:-http://127.0.0.1:8000/kiosk/}"
KIOSK_POLICY_FILE="${KIOSK_POLICY_FILE:-/etc/chromium/policies/managed/motcua-kiosk.json}"
KIOSK_WAIT_STEP="${KIOSK_WAIT_STEP:-3}"
KIOSK_OFFLINE_AFTER="${KIOSK_OFFLINE_AFTER:-60}"
KIOSK_PRINTING="${KIOSK_PRINTING:-0}"
# A persistent profile, not --incognito: the service worker's copy of the catalogue must survive the
# power cut that restarts this PC while the server or the switch is still down.
PROFILE_DIR="${XDG_STATE_HOME:-$HOME/.local/state}/motcua-kiosk"

log() { echo "motcua-kiosk: $*" >&2; }

if [[ ! "$KIOSK_URL" =~ ^https?://([^/:]+)(:([0-9]+))? ]]; then
    log "KIOSK_URL must start with http:// or https://, got '$KIOSK_URL'"
    exit 2
fi
HOST="${BASH_REMATCH[1]}"
PORT="${BASH_REMATCH[3]:-80}"

find_browser() {
    local name
    for name in chromium chromium-browser; do
        command -v "$name" && return 0
    done
    return 1
}

server_ready() {
    if command -v curl >/dev/null; then
        curl -fsS -o /dev/null --max-time 5 "$KIOSK_URL" 2>/dev/null
    elif command -v wget >/dev/null; then
        wget -q -O /dev/null -T 5 "$KIOSK_URL"
    else
        (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
    fi
}

# The kiosk's offline copy (service worker and its cache) from an earlier start.
has_offline_copy() {
    [[ -d "$PROFILE_DIR/Default/Service Worker/CacheStorage" ]]
}

# The commune server may boot after the kiosk: never show Chromium's error page at start. Once the
# kiosk holds an offline copy, it starts from it after KIOSK_OFFLINE_AFTER seconds and recovers by
# itself when the server answers.
wait_for_server() {
    local next_log=0 started=$SECONDS
    until server_ready; do
        if has_offline_copy && (( SECONDS - started >= KIOSK_OFFLINE_AFTER )); then
            log "server not answering: starting from the offline copy"
            return 0
        fi
        if (( SECONDS >= next_log )); then
            log "waiting for $KIOSK_URL"
            next_log=$(( SECONDS + 60 ))
        fi
        sleep "$KIOSK_WAIT_STEP"
    done
}

# The classic set-up mistake: a new server address in KIOSK_URL but not in the policy.
check_policy() {
    if [[ -r "$KIOSK_POLICY_FILE" ]] && ! grep -qF "$HOST" "$KIOSK_POLICY_FILE"; then
        log "warning: $HOST is not in $KIOSK_POLICY_FILE; Chromium will block the page"
    fi
}

prepare_screen() {
    [[ -n "${DISPLAY:-}" ]] || return 0
    if command -v xset >/dev/null; then
        xset s off s noblank -dpms 2>/dev/null || true  # the screen stays on during office hours
    fi
    if command -v unclutter >/dev/null; then
        unclutter -idle 1 -root &  # fingers, not a mouse: hide the pointer
    fi
}

# Citizens' traces from the last session: history, cookies, form data. The offline copy stays.
clear_personal() {
    local profile="$PROFILE_DIR/Default" name
    for name in History History-journal Cookies Cookies-journal "Visited Links" "Top Sites" \
                "Top Sites-journal" "Web Data" "Web Data-journal" "Login Data" Sessions \
                "Session Storage" "Current Session" "Current Tabs" "Last Session" "Last Tabs"; do
        rm -rf "${profile:?}/$name"
    done
}

# Printing without a dialog: the kiosk's forms print one copy on the default printer. Off by default;
# Chromium prints nothing while the policy keeps PrintingEnabled false, so say so in the log.
printing_flag() {
    [[ "$KIOSK_PRINTING" == "1" ]] || return 0
    if [[ -r "$KIOSK_POLICY_FILE" ]] && ! grep -Eq '"PrintingEnabled"[[:space:]]*:[[:space:]]*true' "$KIOSK_POLICY_FILE"; then
        log "warning: KIOSK_PRINTING=1 but $KIOSK_POLICY_FILE does not set \"PrintingEnabled\": true; nothing will print"
    fi
    echo "--kiosk-printing"
}

# Service workers need a secure origin: http://127.0.0.1 is one, http://192.168.1.10 is not.
insecure_origin_flag() {
    if [[ "$KIOSK_URL" == http://* && "$HOST" != "127.0.0.1" && "$HOST" != "localhost" ]]; then
        echo "--unsafely-treat-insecure-origin-as-secure=http://$HOST:$PORT"
    fi
}

BROWSER="$(find_browser)" || { log "Chromium is not installed (apt install chromium)"; exit 1; }
check_policy
wait_for_server
prepare_screen
mkdir -p "$PROFILE_DIR"
clear_personal

# exec: systemd watches Chromium itself and restarts the kiosk when it exits.
# --disable-pinch and --overscroll-history-navigation=0: no zoom, no swipe back out of the kiosk.
# --password-store=basic: an autologin session has no unlocked keyring, so no keyring prompt.
# --check-for-update-interval: no "relaunch to update" after apt upgrades Chromium underneath.
# shellcheck disable=SC2086  # KIOSK_CHROMIUM_FLAGS holds several flags on purpose
exec "$BROWSER" \
    --kiosk \
    --noerrdialogs \
    --disable-pinch \
    --overscroll-history-navigation=0 \
    --no-first-run \
    --no-default-browser-check \
    --password-store=basic \
    --check-for-update-interval=31536000 \
    --user-data-dir="$PROFILE_DIR" \
    $(insecure_origin_flag) \
    $(printing_flag) \
    ${KIOSK_CHROMIUM_FLAGS:-} \
    "$KIOSK_URL"
