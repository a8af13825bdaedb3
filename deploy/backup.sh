#!/usr/bin/env bash
# Online backup of the hub's SQLite database (safe while the hub runs), keeping the last 14.
# Usage: backup.sh /var/lib/selfserve/hub.sqlite /var/backups/selfserve
set -euo pipefail
db=${1:?usage: backup.sh DB_FILE BACKUP_DIR}
dir=${2:?usage: backup.sh DB_FILE BACKUP_DIR}
mkdir -p "$dir"
out="$dir/hub-$(date +%Y%m%d-%H%M%S).sqlite"
node -e '
const sqlite3 = require("sqlite3");
const [src, dst] = process.argv.slice(1);
const db = new sqlite3.Database(src, sqlite3.OPEN_READONLY);
db.run("VACUUM INTO ?", [dst], (err) => { if (err) { console.error(err.message); process.exit(1); } db.close(); });
' "$db" "$out"
ls -1t "$dir"/hub-*.sqlite | tail -n +15 | xargs -r rm --
echo "backup written: $out"
