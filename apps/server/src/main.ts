import { configFromEnv } from './config.js';
import { logger } from './logger.js';
import { startServer } from './server.js';

/**
 * A node that cannot start (a bad setting, a database or Redis it cannot reach, a port in use) says why in one
 * line and stops: never a node half started.
 */
async function start() {
  try {
    return await startServer(configFromEnv());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Consultboard could not start: ${reason}`);
    logger.debug({ err: error }, 'start failed');
    process.exit(1);
  }
}

const server = await start();
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
