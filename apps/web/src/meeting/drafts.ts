import { CARD_KINDS, type CardKind } from '@consultboard/domain';
import { type KeyValueStore, readJson, writeJson } from './storage';

/** Text typed into a card box and not yet added: kept per case, stage and kind so nothing half-typed is lost. */
export interface Draft {
  caseId: string;
  stageId: string;
  kind: CardKind;
  text: string;
  updatedAt: number;
}

export type Drafts = Record<string, Draft>;

export function draftsKey(sessionId: string): string {
  return `consultboard.drafts.${sessionId}`;
}

export function draftId(caseId: string, stageId: string, kind: CardKind): string {
  return `${caseId}\u0000${stageId}\u0000${kind}`;
}

/** Sets a draft's text; an empty box removes the draft. */
export function setDraft(
  drafts: Drafts,
  place: { caseId: string; stageId: string; kind: CardKind },
  text: string,
  now: number,
): Drafts {
  const id = draftId(place.caseId, place.stageId, place.kind);
  const { [id]: _previous, ...rest } = drafts;
  if (text === '') return rest;
  return { ...rest, [id]: { ...place, text, updatedAt: now } };
}

export function removeDraft(drafts: Drafts, draft: Pick<Draft, 'caseId' | 'stageId' | 'kind'>): Drafts {
  const { [draftId(draft.caseId, draft.stageId, draft.kind)]: _removed, ...rest } = drafts;
  return rest;
}

export function draftText(drafts: Drafts, caseId: string, stageId: string, kind: CardKind): string {
  return drafts[draftId(caseId, stageId, kind)]?.text ?? '';
}

/** Drafts with words in them written for another stage or case than the one on the board, oldest first. */
export function draftsElsewhere(drafts: Drafts, current: { caseId?: string; stageId?: string }): Draft[] {
  return Object.values(drafts)
    .filter((draft) => draft.text.trim() !== '')
    .filter((draft) => draft.caseId !== current.caseId || draft.stageId !== current.stageId)
    .sort((a, b) => a.updatedAt - b.updatedAt);
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.caseId === 'string' &&
    typeof draft.stageId === 'string' &&
    typeof draft.text === 'string' &&
    typeof draft.updatedAt === 'number' &&
    (CARD_KINDS as readonly unknown[]).includes(draft.kind)
  );
}

export function loadDrafts(store: KeyValueStore, key: string): Drafts {
  const stored = readJson(store, key);
  if (typeof stored !== 'object' || stored === null) return {};
  const drafts: Drafts = {};
  for (const value of Object.values(stored)) {
    if (isDraft(value)) drafts[draftId(value.caseId, value.stageId, value.kind)] = value;
  }
  return drafts;
}

export function saveDrafts(store: KeyValueStore, key: string, drafts: Drafts): void {
  if (Object.keys(drafts).length === 0) store.removeItem(key);
  else writeJson(store, key, drafts);
}
