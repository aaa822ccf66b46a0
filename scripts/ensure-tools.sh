#!/usr/bin/env bash
# The tests use Debian's Chromium (Playwright's own download cannot work here) and poppler's pdftotext
# (to read the PDFs the app produces), Debian's redis-server (the cluster tests start Redis servers of their own,
# to stop and restart them) and Debian's nginx (the test of deploy/nginx.conf runs it in front of two nodes).
# Installs them with apt-get when missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# In /usr/sbin, which a user's PATH may not hold. The test runs an nginx of its own on a free port; where apt-get
# starts services (systemd), Debian's own nginx also starts, on port 80, which the tests do not use.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} for the tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
