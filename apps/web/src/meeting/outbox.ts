import { type Command, commandSchema } from '@consultboard/domain';
import { type KeyValueStore, readJson, writeJson } from './storage';

/** Where a phone keeps commands not yet acknowledged, so a reload or a dropped Wi-Fi loses nothing. */
export function outboxKey(sessionId: string): string {
  return `consultboard.outbox.${sessionId}`;
}

/** Adds a command unless one with its id is already waiting (a retry keeps its place). */
export function addToOutbox(outbox: readonly Command[], command: Command): Command[] {
  return outbox.some((waiting) => waiting.id === command.id) ? [...outbox] : [...outbox, command];
}

export function removeFromOutbox(outbox: readonly Command[], commandId: string): Command[] {
  return outbox.filter((waiting) => waiting.id !== commandId);
}

/** Reads a stored outbox, dropping anything that is not a command this client could send. */
export function loadOutbox(store: KeyValueStore, key: string): Command[] {
  const stored = readJson(store, key);
  if (!Array.isArray(stored)) return [];
  const commands: Command[] = [];
  for (const candidate of stored) {
    const parsed = commandSchema.safeParse(candidate);
    if (parsed.success) commands.push(parsed.data);
  }
  return commands;
}

export function saveOutbox(store: KeyValueStore, key: string, outbox: readonly Command[]): void {
  if (outbox.length === 0) store.removeItem(key);
  else writeJson(store, key, outbox);
}
