import { CARD_KINDS, type Command, isCommandId } from '@consultboard/domain';
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

/**
 * Whether a stored value still looks like a command. A shape check only (the phone bundle stays free of
 * zod): the server parses every command with the domain schema, and refuses what does not fit.
 */
function looksLikeCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as Record<string, unknown>;
  if (!isCommandId(command.id) || typeof command.type !== 'string') return false;
  if (command.type !== 'card.add') return true;
  return (
    typeof command.caseId === 'string' &&
    typeof command.stageId === 'string' &&
    typeof command.text === 'string' &&
    (CARD_KINDS as readonly unknown[]).includes(command.kind)
  );
}

/** Reads a stored outbox, dropping anything that is not a command this client could send. */
export function loadOutbox(store: KeyValueStore, key: string): Command[] {
  const stored = readJson(store, key);
  return Array.isArray(stored) ? stored.filter(looksLikeCommand) : [];
}

export function saveOutbox(store: KeyValueStore, key: string, outbox: readonly Command[]): void {
  if (outbox.length === 0) store.removeItem(key);
  else writeJson(store, key, outbox);
}
