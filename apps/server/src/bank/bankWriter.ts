import { randomUUID } from 'node:crypto';
import {
  type AreaOfNeed,
  type BankKind,
  type Card,
  halfTermOf,
  type MeetingState,
  normaliseBankText,
  type Preparation,
} from '@consultboard/domain';
import type { BankUse } from '../db/bank.js';
import type { Repos } from '../db/repos.js';
import type { CaseLeft, MeetingStore } from '../meeting/meetingStore.js';

const isBankKind = (kind: Card['kind']): kind is BankKind => kind === 'strategy' || kind === 'resource';

/**
 * The cards of a case the bank keeps: Strategy and Resource cards marked Helpful and visible now (not hidden,
 * withdrawn or held); a card merged into another counts once, as the card it went into.
 */
export function helpfulBankCards(state: MeetingState, caseId: string): (Card & { kind: BankKind })[] {
  return state.cards.filter(
    (card): card is Card & { kind: BankKind } =>
      card.caseId === caseId &&
      card.helpful &&
      isBankKind(card.kind) &&
      !card.hidden &&
      !card.withdrawn &&
      !card.held &&
      card.mergedInto === undefined,
  );
}

/** Writes a left case's helpful cards into its locality's bank (inside the event's transaction). */
export function writeBankUses(repos: Repos, left: CaseLeft): void {
  const session = repos.consultSessions.byId(left.sessionId);
  const caseRow = repos.cases.byId(left.caseId);
  const halfTerm = session ? halfTermOf(session.date) : null;
  if (!session?.locality_id || !caseRow || halfTerm === null) return;
  const areasOfNeed = (JSON.parse(caseRow.preparation) as Preparation).areasOfNeed as AreaOfNeed[];
  const uses: BankUse[] = helpfulBankCards(left.state, left.caseId).map((card) => ({
    newEntryId: randomUUID(),
    kind: card.kind,
    text: card.text,
    norm: normaliseBankText(card.text),
    cardId: card.id,
  }));
  repos.bank.replaceUses(
    {
      sessionId: left.sessionId,
      caseId: left.caseId,
      localityId: session.locality_id,
      caseType: caseRow.type,
      areasOfNeed,
      halfTerm,
    },
    uses,
    left.now,
  );
}

/** Registers the bank's writer: every time the meeting leaves a case (Next case, Previous case, End session). */
export function keepBankOnCaseLeft(repos: Repos, meetings: MeetingStore): void {
  meetings.onCaseLeft((left) => writeBankUses(repos, left));
}
