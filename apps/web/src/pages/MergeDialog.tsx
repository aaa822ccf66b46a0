import type { Card } from '@consultboard/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Modal } from '../components/Modal';
import { cardLabel } from '../meeting/cardLabel';

/**
 * Merge, without dragging (issue 9, item 4): the EP chooses, from the stage's other visible cards, the card this
 * one merges into. Both texts then show as one card on every screen, until Unmerge.
 */
export function MergeDialog({
  card,
  candidates,
  onMerge,
  onClose,
}: {
  card: Card | null;
  candidates: readonly Card[];
  onMerge: (intoCardId: string) => void;
  onClose: () => void;
}) {
  const select = useRef<HTMLSelectElement>(null);
  const [into, setInto] = useState('');
  const chosen = candidates.some((candidate) => candidate.id === into) ? into : (candidates[0]?.id ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) onMerge(chosen);
  };
  return (
    <Modal open={card !== null} onClose={onClose} labelledBy="merge-heading" initialFocus={select}>
      <h2 id="merge-heading">Merge this card</h2>
      {card && <p className="card-text merge-source">{card.text}</p>}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="merge-into">Merge into</label>
          <select id="merge-into" ref={select} value={chosen} onChange={(event) => setInto(event.target.value)}>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {cardLabel(candidate.text, 80)} ({candidate.author})
              </option>
            ))}
          </select>
        </div>
        <p className="hint">Both texts show as one card on the board and on phones. Unmerge undoes it.</p>
        <div className="button-row">
          <button type="submit" className="button primary">
            Merge
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
