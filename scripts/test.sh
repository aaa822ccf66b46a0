#!/usr/bin/env bash
# Sets up and runs every check and test: lint, types, unit and integration tests (on SQLite, then the server's
# integration tests again on PostgreSQL), then the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
pnpm() { npx -y pnpm@10.34.9 "$@"; }

bash scripts/ensure-tools.sh
bash scripts/ensure-services.sh
pnpm install --frozen-lockfile
pnpm run lint
pnpm run build
pnpm run typecheck
pnpm exec turbo run test --concurrency=1
# The server's integration tests on PostgreSQL (each test server gets a database of its own on TEST_DATABASE_URL);
# the unit tests in src/ use no store, and *.sqlite.test.ts are SQLite's alone (vitest.config.ts leaves them out).
TEST_STORE=postgres pnpm --filter @consultboard/server exec vitest run test/
pnpm exec playwright test
