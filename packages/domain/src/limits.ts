/** Sizes that every edge of the product enforces. */
export const LIMITS = {
  cardText: { min: 1, max: 1000 },
  displayName: { min: 1, max: 40 },
  topic: { min: 3, max: 80 },
  locality: { min: 1, max: 80 },
  accountName: { min: 1, max: 80 },
  email: { max: 254 },
  password: { min: 10, max: 200 },
  casesPerSession: 12,
  cardsPerSession: 2000,
  commandId: { min: 8, max: 64 },
  /** socket.io's maxHttpBufferSize. */
  socketMessageBytes: 64 * 1024,
  /** Timer extension per press of "Add 2 minutes". */
  timerExtensionMs: 2 * 60_000,
  timerMaxMs: 4 * 60 * 60_000,
} as const;
