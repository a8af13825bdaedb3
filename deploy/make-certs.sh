#!/usr/bin/env bash
# Makes a store CA (10 years) and a certificate for the hub signed by it (825 days), so kiosks can reach
# the hub over HTTPS on the store LAN: a browser gives a page the camera only in a secure context, and
# any address other than localhost needs HTTPS for that.
#
# Usage: make-certs.sh OUT_DIR NAME_OR_IP...
#   e.g. make-certs.sh /etc/selfserve/tls hub.store-0042.lan hub 192.168.10.5
# Each NAME_OR_IP goes into the hub certificate's subjectAltName (an IPv4/IPv6 address as IP, the rest as DNS).
# Run again with the same OUT_DIR to renew the hub certificate: an existing CA is kept, so kiosks keep trusting it.
set -euo pipefail

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
case ${1:-} in -h | --help) usage; exit 0 ;; esac
if [[ $# -lt 2 ]]; then usage >&2; exit 2; fi
command -v openssl >/dev/null || { echo "make-certs.sh: openssl is not installed (apt-get install openssl)" >&2; exit 1; }

out=$1; shift
mkdir -p "$out"
umask 077

san=""
for name in "$@"; do
  if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then san+="IP:$name,"; else san+="DNS:$name,"; fi
done
san=${san%,}

if [[ -f $out/store-ca.key && -f $out/store-ca.crt ]]; then
  echo "==> keeping the store CA in $out/store-ca.crt"
else
  echo "==> making the store CA (10 years): $out/store-ca.crt"
  openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes \
    -keyout "$out/store-ca.key" -out "$out/store-ca.crt" \
    -subj "/CN=Selfserve store CA $(hostname -s 2>/dev/null || echo hub) $(date +%Y-%m-%d)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

echo "==> making the hub certificate (825 days) for $san: $out/hub.crt"
openssl req -newkey rsa:2048 -sha256 -nodes -keyout "$out/hub.key" -out "$out/hub.csr" -subj "/CN=$1" 2>/dev/null
ext=$(mktemp)
trap 'rm -f "$ext"' EXIT
cat >"$ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$san
EXT
openssl x509 -req -in "$out/hub.csr" -CA "$out/store-ca.crt" -CAkey "$out/store-ca.key" -CAcreateserial \
  -days 825 -sha256 -extfile "$ext" -out "$out/hub.crt" 2>/dev/null
rm -f "$out/hub.csr"
chmod 644 "$out/store-ca.crt" "$out/hub.crt"

cat <<MSG

Done. In /etc/selfserve/hub.json:
  "http": { "host": "0.0.0.0", "port": 3000, "tls": { "certFile": "$out/hub.crt", "keyFile": "$out/hub.key" } }
The hub runs as 'selfserve': let it read the key:  chown selfserve: "$out/hub.key"
Keep $out/store-ca.key off the kiosks (ideally offline): whoever has it can make certificates they trust.

On each Debian kiosk, trust the store CA (copy $out/store-ca.crt there first):
  sudo cp store-ca.crt /usr/local/share/ca-certificates/selfserve-store-ca.crt
  sudo update-ca-certificates
Chromium on Linux reads its own NSS database, so add the CA there too, as the kiosk user:
  sudo apt-get install libnss3-tools
  mkdir -p ~/.pki/nssdb && certutil -d sql:\$HOME/.pki/nssdb -N --empty-password 2>/dev/null || true
  certutil -d sql:\$HOME/.pki/nssdb -A -t "C,," -n "Selfserve store CA" -i store-ca.crt
Then open https://$1:3000/kiosk/?lane=lane-1 : no certificate warning, and the camera may be allowed.
MSG
