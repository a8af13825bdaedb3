#!/usr/bin/env bash
# Starts one screen of the store (kiosk, customer display, attendant station) full-screen in Chromium's
# kiosk mode, restarting it if it exits; and writes the Chromium policy that lets the hub's pages use
# the camera and play sounds without asking.
#
# Usage:
#   kiosk-browser.sh URL                   run the screen, restarting the browser when it exits (autostart)
#   kiosk-browser.sh --once URL            run the browser once (under systemd, which restarts it)
#   kiosk-browser.sh --print-command URL   print the browser's command line and exit
#   kiosk-browser.sh --print-policy URL    print the managed policy for URL's origin
#   kiosk-browser.sh --install-policy URL  as root: write it to /etc/chromium/policies/managed/selfserve.json
#
# e.g. kiosk-browser.sh "https://hub.store-0042.lan:3000/kiosk/?lane=lane-1"
# CHROMIUM names the browser (default: chromium, else chromium-browser); POLICY_DIR the policy directory
# (Google Chrome reads /etc/opt/chrome/policies/managed instead).
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

mode=loop
case ${1:-} in
  -h | --help) usage; exit 0 ;;
  --once) mode=once; shift ;;
  --print-command) mode=print-command; shift ;;
  --print-policy) mode=print-policy; shift ;;
  --install-policy) mode=install-policy; shift ;;
esac
url=${1:-}
if [[ -z $url ]]; then usage >&2; exit 2; fi
if [[ ! $url =~ ^(https?://[^/?#]+) ]]; then echo "kiosk-browser.sh: not an http(s) URL: $url" >&2; exit 2; fi
origin=${BASH_REMATCH[1]}

# Camera (barcode scanning) and sound are allowed for the hub's origin only, by policy rather than by
# --use-fake-ui-for-media-stream, which would grant every page every device without asking.
policy() {
  cat <<JSON
{
  "VideoCaptureAllowedUrls": ["$origin"],
  "AudioCaptureAllowed": false,
  "AutoplayAllowed": false,
  "AutoplayAllowlist": ["$origin"],
  "TranslateEnabled": false,
  "DefaultBrowserSettingEnabled": false,
  "PasswordManagerEnabled": false,
  "AutofillAddressEnabled": false,
  "AutofillCreditCardEnabled": false,
  "BrowserSignin": 0,
  "SyncDisabled": true,
  "MetricsReportingEnabled": false,
  "PromotionalTabsEnabled": false,
  "DefaultNotificationsSetting": 2,
  "DefaultGeolocationSetting": 2
}
JSON
}

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then browser=$(command -v chromium || command -v chromium-browser || echo chromium); fi
profile=${XDG_STATE_HOME:-$HOME/.local/state}/selfserve-browser
flags=(
  --kiosk --no-first-run --no-default-browser-check
  --disable-translate --disable-features=Translate,TranslateUI
  --autoplay-policy=no-user-gesture-required
  --noerrdialogs --disable-infobars --disable-session-crashed-bubble
  --overscroll-history-navigation=0 --disable-pinch
  --check-for-update-interval=31536000 --password-store=basic
  --user-data-dir="$profile"
)

case $mode in
  print-policy) policy; exit 0 ;;
  install-policy)
    dir=${POLICY_DIR:-/etc/chromium/policies/managed}
    mkdir -p "$dir"
    policy >"$dir/selfserve.json"
    chmod 644 "$dir/selfserve.json"
    echo "wrote $dir/selfserve.json: camera and autoplay allowed for $origin"
    exit 0 ;;
  print-command) printf '%q ' "$browser" "${flags[@]}" "$url"; echo; exit 0 ;;
esac

mkdir -p "$profile"
# A browser killed mid-session marks its profile as crashed; clear that so no "restore pages?" bubble shows.
sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"Crashed"/"exit_type":"Normal"/' "$profile/Default/Preferences" 2>/dev/null || true
if [[ $mode == once ]]; then exec "$browser" "${flags[@]}" "$url"; fi
while true; do
  "$browser" "${flags[@]}" "$url" || true
  sleep 2
done
