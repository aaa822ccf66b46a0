import pino from 'pino';

/** One JSON logger for the process; quiet under tests unless LOG_LEVEL says otherwise. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  redact: ['req.headers.cookie', 'token', 'password'],
});
export type Logger = typeof logger;
