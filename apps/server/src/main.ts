import { configFromEnv } from './config.js';
import { logger } from './logger.js';
import { startServer } from './server.js';

const server = await startServer(configFromEnv());
// Printed plainly as well as logged, so scripts and tests can find the port when PORT=0.
console.log(`Consultboard listening on port ${server.port}`);

/** How long a shutdown may take before the process stops anyway (every write is committed as it happens). */
const SHUTDOWN_GRACE_MS = 10_000;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    // A connection or a file being built that does not let go must not keep a stopped service running.
    setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'shutdown did not finish in time: stopping now');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
