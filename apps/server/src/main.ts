import { configFromEnv } from './config.js';
import { logger } from './logger.js';
import { startServer } from './server.js';

const server = await startServer(configFromEnv());
// Printed plainly as well as logged, so scripts and tests can find the port when PORT=0.
console.log(`Consultboard listening on port ${server.port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
