#!/usr/bin/env bash
# Sets up and runs every check and test: lint, types, unit and integration tests, then the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
pnpm() { npx -y pnpm@10.34.9 "$@"; }

bash scripts/ensure-tools.sh
pnpm install --frozen-lockfile
pnpm run lint
pnpm run build
pnpm run typecheck
pnpm exec turbo run test --concurrency=1
pnpm exec playwright test
