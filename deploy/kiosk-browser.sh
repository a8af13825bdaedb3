#!/usr/bin/env bash
# Starts one screen full-screen in Chromium's kiosk mode, restarting it if it exits.
# Usage: kiosk-browser.sh URL   e.g. http://hub.local:3000/kiosk/?token=...
set -euo pipefail
url=${1:?usage: kiosk-browser.sh URL}
profile=${XDG_STATE_HOME:-$HOME/.local/state}/selfserve-browser
mkdir -p "$profile"
while true; do
  chromium --kiosk --no-first-run --disable-translate --disable-infobars --noerrdialogs \
    --disable-session-crashed-bubble --overscroll-history-navigation=0 --disable-pinch \
    --user-data-dir="$profile" "$url" || true
  sleep 2
done
