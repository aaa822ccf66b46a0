#!/usr/bin/env bash
# Installs, builds and starts Consultboard on an embedded SQLite database (DATA_DIR, default ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
pnpm() { npx -y pnpm@10.34.9 "$@"; }

pnpm install --frozen-lockfile
pnpm run build
export DATA_DIR="${DATA_DIR:-$PWD/data}"
exec node --enable-source-maps apps/server/dist/main.js
