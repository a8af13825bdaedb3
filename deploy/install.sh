#!/usr/bin/env bash
# Installs (or updates) the store hub on a Debian machine, as root. Safe to run again: it creates what is
# missing, replaces the program, and never overwrites the configuration in /etc/selfserve.
#
# Usage: deploy/install.sh [--no-start] [--dry-run]
#   --no-start  install and enable the service, but do not (re)start it
#   --dry-run   print the steps and commands without running them (no root needed)
#
# What it does, in order:
#   1. checks Node.js >= 20.19, npm and rsync
#   2. creates the system user 'selfserve'
#   3. creates /var/lib/selfserve (data), /etc/selfserve (configuration), /opt/selfserve (program)
#   4. copies this repository to /opt/selfserve, runs npm ci and npm run build
#   5. makes /etc/selfserve/hub.json from deploy/hub.example.json if it is missing, and an empty hub.env
#   6. checks the configuration
#   7. installs and enables selfserve-hub.service
#   8. starts or restarts it, unless --no-start or the configuration is not ready
set -euo pipefail

APP_DIR=/opt/selfserve
DATA_DIR=/var/lib/selfserve
CONF_DIR=/etc/selfserve
USER_NAME=selfserve
UNIT=selfserve-hub.service
SOURCE=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }
start=yes
dry=no
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    --no-start) start=no ;;
    --dry-run) dry=yes ;;
    *) echo "install.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done

step() { echo; echo "==> $*"; }
# Prints each command before running it, so the log shows exactly what was done.
run() {
  echo "    \$ $*"
  if [[ $dry == no ]]; then "$@"; fi
}

if [[ $dry == no && $(id -u) -ne 0 ]]; then echo "install.sh: run as root (sudo deploy/install.sh)" >&2; exit 1; fi

step "1. Node.js >= 20.19, npm and rsync"
if ! command -v node >/dev/null || ! command -v npm >/dev/null || ! command -v rsync >/dev/null; then
  echo "    Node.js 20, npm and rsync are needed: https://nodejs.org/en/download, apt-get install rsync" >&2
  [[ $dry == yes ]] || exit 1
else
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error(`    Node.js ${process.version} is too old: 20.19 or newer`); process.exit(1); }'
  echo "    node $(node --version), npm $(npm --version)"
fi

step "2. system user '$USER_NAME'"
if id "$USER_NAME" >/dev/null 2>&1; then
  echo "    exists"
else
  run useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
fi

step "3. directories"
# Data is the hub's own; configuration is root's, readable by the hub; the program is root's only.
run install -d -m 0750 -o "$USER_NAME" -g "$USER_NAME" "$DATA_DIR"
run install -d -m 0750 -o root -g "$USER_NAME" "$CONF_DIR"
run install -d -m 0755 -o root -g root "$APP_DIR"

step "4. program in $APP_DIR (from $SOURCE)"
if [[ $SOURCE != "$APP_DIR" ]]; then
  run rsync -a --delete --exclude .git --exclude node_modules --exclude 'dist/' --exclude /data/ "$SOURCE/" "$APP_DIR/"
fi
run chown -R root:root "$APP_DIR"
run npm --prefix "$APP_DIR" ci --no-audit --no-fund
run npm --prefix "$APP_DIR" run build

step "5. configuration $CONF_DIR/hub.json"
if [[ -f $CONF_DIR/hub.json ]]; then
  echo "    exists: kept as it is"
else
  run install -m 0640 -o root -g "$USER_NAME" "$APP_DIR/deploy/hub.example.json" "$CONF_DIR/hub.json"
  # The admin token gets a random value now; the other REPLACE values are the store's to fill in.
  if [[ $dry == no ]]; then sed -i "s/REPLACE-with-a-long-random-secret/$(openssl rand -hex 24)/" "$CONF_DIR/hub.json"; fi
  echo "    made from deploy/hub.example.json: edit the store's details and every REPLACE value"
fi
if [[ ! -f $CONF_DIR/hub.env ]]; then
  # Secrets that should not sit in hub.json go here as SELFSERVE_* variables (see deploy/README.md).
  run install -m 0600 -o root -g root /dev/null "$CONF_DIR/hub.env"
fi

step "6. checking the configuration"
config_ok=yes
if [[ $dry == yes ]]; then
  echo "    (skipped in a dry run)"
else
  if ! (cd "$APP_DIR" && node --input-type=module -e '
    const { parseConfig, readConfigFile } = await import(process.argv[1]);
    try { parseConfig(readConfigFile(process.argv[2])); console.log("    valid"); }
    catch (err) { console.error(`    ${err.message.replaceAll("\n", "\n    ")}`); process.exit(1); }
  ' "$APP_DIR/hub/dist/config.js" "$CONF_DIR/hub.json"); then config_ok=no; fi
  if grep -q REPLACE "$CONF_DIR/hub.json"; then echo "    still holds REPLACE values"; config_ok=no; fi
fi

step "7. systemd unit $UNIT"
run install -m 0644 "$APP_DIR/deploy/$UNIT" "/etc/systemd/system/$UNIT"
run systemctl daemon-reload
run systemctl enable "$UNIT"

step "8. starting"
if [[ $start == no ]]; then
  echo "    skipped (--no-start): systemctl start $UNIT"
elif [[ $config_ok == no ]]; then
  echo "    not started: fix $CONF_DIR/hub.json, then: systemctl restart $UNIT"
else
  run systemctl restart "$UNIT"
  echo "    logs: journalctl -u $UNIT -f"
fi

cat <<MSG

Next (deploy/README.md): HTTPS with deploy/make-certs.sh, the first manager with
  sudo -u $USER_NAME node $APP_DIR/hub/dist/staff-cli.js create-manager --db $DATA_DIR/hub.sqlite --number 1001 --name "..."
and each screen with deploy/kiosk-browser.sh on the kiosk PC.
MSG
