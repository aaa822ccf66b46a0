import { CARD_KIND_LABELS, type CardKind, checkCardText, LIMITS } from '@consultboard/domain';
import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { TextArea } from '../components/Field';
import { draftId } from '../meeting/drafts';

export type Place = { caseId: string; stageId: string; kind: CardKind };

/** One text box: where its words go, its label, and whether it was kept from a stage the room has left. */
export interface CardBox {
  place: Place;
  label: string;
}

const idOf = (place: Place) => draftId(place.caseId, place.stageId, place.kind);

/**
 * One box per kind of card the stage takes, and a single Add for every box with words in it. Boxes are keyed by
 * where their words go, never by the stage: a box kept when the room moves on (item 2 of issue 9) stays the same
 * element, so the text, the focus and a phone's keyboard stay where they were.
 */
export function CardForm({
  boxes,
  textOf,
  onType,
  onAdd,
  onFocusBox,
  below,
}: {
  boxes: readonly CardBox[];
  /** Issue 13: what goes under a box (the Resource box's suggestions from the directory). */
  below?: (place: Place) => ReactNode;
  textOf: (place: Place) => string;
  onType: (place: Place, text: string) => void;
  onAdd: (cards: { place: Place; text: string }[]) => void;
  onFocusBox: (place: Place | null) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [nothing, setNothing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cards: { place: Place; text: string }[] = [];
    const found: Record<string, string> = {};
    for (const { place } of boxes) {
      const text = textOf(place);
      if (text.trim() === '') continue;
      const checked = checkCardText(text);
      if (checked.ok) cards.push({ place, text: checked.value });
      else found[idOf(place)] = checked.message;
    }
    setErrors(found);
    setNothing(cards.length === 0 && Object.keys(found).length === 0);
    if (cards.length > 0) onAdd(cards);
  }

  const words = [...new Set(boxes.map((box) => CARD_KIND_LABELS[box.place.kind].toLowerCase()))].join(' or ');
  return (
    <form className="card-form stack" onSubmit={submit} noValidate>
      {boxes.map(({ place, label }) => (
        <Fragment key={idOf(place)}>
          <TextArea
            label={label}
            className={`kind-${place.kind}`}
            rows={3}
            limit={LIMITS.cardText.max}
            value={textOf(place)}
            data-place={idOf(place)}
            error={errors[idOf(place)]}
            onFocus={() => onFocusBox(place)}
            onBlur={() => onFocusBox(null)}
            onChange={(event) => {
              setNothing(false);
              setErrors(({ [idOf(place)]: _cleared, ...rest }) => rest);
              onType(place, event.target.value);
            }}
          />
          {below?.(place)}
        </Fragment>
      ))}
      {nothing && (
        <p className="field-error" role="alert">
          Write a {words} first.
        </p>
      )}
      <button type="submit" className="button primary big">
        Add
      </button>
    </form>
  );
}
