import {
  AREA_OF_NEED_LABELS,
  type BankEntryView,
  CARD_KIND_LABELS,
  type CardKind,
  cardsOfStage,
  currentCase,
  currentStage,
  type MeetingState,
  normaliseBankText,
} from '@consultboard/domain';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ShowMore } from '../components/ShowMore';
import { cardLabel } from '../meeting/cardLabel';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { usePagedList } from '../usePagedList';
import { BankCounts } from './BankCounts';
import './bank.css';

type Send = (body: CommandBody) => Promise<CommandOutcome>;

/** Ideas shown at first, and added by each Show more. */
const IDEAS_AT_A_TIME = 8;

/** Whether the console offers Ideas from the bank now: a stage that takes strategies or resources. */
export function offersIdeas(state: MeetingState): boolean {
  const kinds: readonly CardKind[] = currentStage(state)?.cardKinds ?? [];
  return kinds.includes('strategy') || kinds.includes('resource');
}

/**
 * Ideas from the bank (issue 12, item 5): on the EP's console, in a stage that takes strategies and resources, the
 * entries of the locality's bank that helped cases with the current case's areas of need, best reviewed first. Add
 * to the board adds one as the EP's own card, marked "From the bank" on every screen. Closed until asked for, so the
 * bank is read only when the EP wants it.
 */
export function IdeasFromTheBank({
  sessionId,
  state,
  enabled,
  send,
}: {
  sessionId: string;
  state: MeetingState;
  enabled: boolean;
  send: Send;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel ideas-panel" aria-labelledby="ideas-heading">
      <h2 id="ideas-heading" className="ideas-heading">
        <button
          type="button"
          className="button secondary"
          aria-expanded={open}
          aria-controls="ideas-body"
          onClick={() => setOpen(!open)}
        >
          Ideas from the bank
        </button>
      </h2>
      <div id="ideas-body" hidden={!open}>
        {/* Keyed by case: each case asks the bank afresh for its own areas of need. */}
        {open && (
          <IdeasList key={currentCase(state)?.id} sessionId={sessionId} state={state} enabled={enabled} send={send} />
        )}
      </div>
    </section>
  );
}

function IdeasList({
  sessionId,
  state,
  enabled,
  send,
}: {
  sessionId: string;
  state: MeetingState;
  enabled: boolean;
  send: Send;
}) {
  // The best few at a time: the panel sits above the notes, which the EP must not lose under a long list.
  const list = usePagedList<BankEntryView>(
    `/api/sessions/${encodeURIComponent(sessionId)}/bank-ideas?limit=${IDEAS_AT_A_TIME}`,
    'ideas',
  );
  const [areas] = useState(() => currentCase(state)?.preparation?.areasOfNeed ?? []);
  // The idea just added: its button goes, so focus moves to the "On the board" that takes its place (once),
  // rather than falling to the page's start for someone using the keyboard.
  const [pressed, setPressed] = useState<string | null>(null);
  const focusAdded = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    element.focus();
    setPressed(null);
  }, []);
  const stage = currentStage(state);
  const agendaCase = currentCase(state);
  if (!stage || !agendaCase) return null;
  const onBoard = new Set(cardsOfStage(state, stage.id).map((card) => `${card.kind}:${normaliseBankText(card.text)}`));
  const areaWords = areas.map((area) => AREA_OF_NEED_LABELS[area]).join('; ');

  return (
    <>
      <p className="muted">
        {areas.length === 0
          ? 'This case has no areas of need chosen, so the bank has no ideas for it.'
          : `What helped cases in this locality with the same areas of need (${areaWords}), best reviewed first.`}
      </p>
      <ErrorAlert message={list.error} />
      {list.items === null && !list.error && <p>Loading…</p>}
      {list.items?.length === 0 && areas.length > 0 && <p>No ideas in the bank yet for these areas of need.</p>}
      <ul className="ideas-list">
        {list.items?.map((idea) => {
          const takes = stage.cardKinds.includes(idea.kind);
          const added = onBoard.has(`${idea.kind}:${normaliseBankText(idea.text)}`);
          return (
            <li key={idea.id} className={`card kind-${idea.kind}`}>
              <span className={`card-kind kind-${idea.kind}`}>{CARD_KIND_LABELS[idea.kind]}</span>
              <p className="card-text">{idea.text}</p>
              <BankCounts entry={idea} />
              {added ? (
                <p className="idea-added" tabIndex={-1} ref={idea.id === pressed ? focusAdded : undefined}>
                  <span className="badge from-bank">On the board</span>
                </p>
              ) : (
                <button
                  type="button"
                  className="button primary small"
                  aria-disabled={!enabled || !takes || undefined}
                  aria-label={`Add to the board: ${cardLabel(idea.text)}`}
                  onClick={() => {
                    if (!enabled || !takes) return;
                    setPressed(idea.id);
                    void send({
                      type: 'card.add',
                      caseId: agendaCase.id,
                      stageId: stage.id,
                      kind: idea.kind,
                      text: idea.text,
                      fromBank: true,
                    }).then((outcome) => {
                      if (!outcome.ok) setPressed(null);
                    });
                  }}
                >
                  Add to the board
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <ShowMore list={list} />
    </>
  );
}
