#!/usr/bin/env bash
# Online backup of the hub's SQLite database with SQLite's backup API (safe while the hub runs),
# integrity-checked, named hub-YYYYMMDD-HHMMSS.sqlite; deletes those older than KEEP_DAYS (default 14).
# The hub backs itself up on a timer too (config backup.everyHours); this is for cron, e.g. to a second disk.
# Restore and rollback: docs/operations.md.
# Usage: backup.sh /var/lib/selfserve/hub.sqlite /var/backups/selfserve [KEEP_DAYS]
set -euo pipefail
usage="usage: backup.sh DB_FILE BACKUP_DIR [KEEP_DAYS]"
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  echo "$usage"
  exit 0
fi
db=${1:?$usage}
dir=${2:?$usage}
keep=${3:-14}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec node "$root/hub/dist/backup-cli.js" backup --db "$db" --dir "$dir" --keep-days "$keep"
