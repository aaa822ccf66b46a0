import { CARD_KIND_LABELS, type CardKind, checkCardText, LIMITS } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { TextArea } from '../components/Field';

/** One box per kind of card the stage takes, and a single Add for every box with words in it. */
export function CardForm({
  kinds,
  textOf,
  onType,
  onAdd,
}: {
  kinds: readonly CardKind[];
  textOf: (kind: CardKind) => string;
  onType: (kind: CardKind, text: string) => void;
  onAdd: (cards: { kind: CardKind; text: string }[]) => void;
}) {
  const [errors, setErrors] = useState<Partial<Record<CardKind, string>>>({});
  const [nothing, setNothing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cards: { kind: CardKind; text: string }[] = [];
    const found: Partial<Record<CardKind, string>> = {};
    for (const kind of kinds) {
      const text = textOf(kind);
      if (text.trim() === '') continue;
      const checked = checkCardText(text);
      if (checked.ok) cards.push({ kind, text: checked.value });
      else found[kind] = checked.message;
    }
    setErrors(found);
    setNothing(cards.length === 0 && Object.keys(found).length === 0);
    if (cards.length > 0) onAdd(cards);
  }

  const words = kinds.map((kind) => CARD_KIND_LABELS[kind].toLowerCase()).join(' or ');
  return (
    <form className="card-form stack" onSubmit={submit} noValidate>
      {kinds.map((kind) => (
        <TextArea
          key={kind}
          label={CARD_KIND_LABELS[kind]}
          className={`kind-${kind}`}
          rows={3}
          maxLength={LIMITS.cardText.max}
          value={textOf(kind)}
          error={errors[kind]}
          onChange={(event) => {
            setNothing(false);
            onType(kind, event.target.value);
          }}
        />
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
