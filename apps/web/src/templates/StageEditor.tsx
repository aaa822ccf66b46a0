import {
  ACTION_PLAN_STAGE_ID,
  CARD_KIND_LABELS,
  CARD_KINDS,
  STAGE_TEMPLATE_LIMITS,
  type StageDefinition,
} from '@consultboard/domain';
import { TextArea, TextField } from '../components/Field';
import { toggleKind } from './templateEdits';

/** Focus targets by stage (ids of buttons, `data-focus` of the name), so the keyboard stays where the person was. */
export const stageControlId = (stageId: string, control: 'name' | 'up' | 'down') => `stage-${control}-${stageId}`;

/**
 * One stage of a template being edited: its name, prompt, minutes, card kinds, notes and helpful marking, and the
 * buttons that move or remove it. The Action plan stage drafts the plan: it stays, and takes no cards.
 */
export function StageEditor({
  stage,
  index,
  count,
  onChange,
  onHelpful,
  onMove,
  onRemove,
}: {
  stage: StageDefinition;
  index: number;
  count: number;
  onChange: (change: Partial<StageDefinition>) => void;
  onHelpful: (on: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const isPlan = stage.id === ACTION_PLAN_STAGE_ID;
  const headingId = `stage-heading-${stage.id}`;
  const label = stage.name.trim() || `Stage ${index + 1}`;
  return (
    <li className="panel stack template-stage" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Stage {index + 1} of {count}: {label}
      </h3>
      <TextField
        data-focus={stageControlId(stage.id, 'name')}
        label="Stage name"
        value={stage.name}
        maxLength={STAGE_TEMPLATE_LIMITS.name.max}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextArea
        label="Prompt"
        rows={2}
        value={stage.prompt}
        maxLength={STAGE_TEMPLATE_LIMITS.prompt.max}
        onChange={(event) => onChange({ prompt: event.target.value })}
      />
      <TextField
        label="Suggested minutes"
        type="number"
        inputMode="numeric"
        min={STAGE_TEMPLATE_LIMITS.minutes.min}
        max={STAGE_TEMPLATE_LIMITS.minutes.max}
        value={String(stage.suggestedMinutes)}
        onChange={(event) => onChange({ suggestedMinutes: Number(event.target.value) })}
      />
      <fieldset className="choices">
        <legend>Cards it takes</legend>
        {isPlan && <p className="hint">The Action plan stage shows the plan, so it takes no cards.</p>}
        {CARD_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={stage.cardKinds.includes(kind)}
              disabled={isPlan}
              onChange={(event) => onChange({ cardKinds: toggleKind(stage, kind, event.target.checked) })}
            />{' '}
            {CARD_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>In this stage</legend>
        <label>
          <input
            type="checkbox"
            checked={stage.notes}
            onChange={(event) => onChange({ notes: event.target.checked })}
          />{' '}
          Shared notes
        </label>
        {!isPlan && (
          <label>
            <input type="checkbox" checked={stage.marksHelpful} onChange={(event) => onHelpful(event.target.checked)} />{' '}
            The SENCO marks helpful cards here
          </label>
        )}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          id={stageControlId(stage.id, 'up')}
          className="button secondary small"
          aria-label={`Move up: ${label}`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          Move up
        </button>
        <button
          type="button"
          id={stageControlId(stage.id, 'down')}
          className="button secondary small"
          aria-label={`Move down: ${label}`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          Move down
        </button>
        {!isPlan && (
          <button
            type="button"
            className="button secondary small"
            aria-label={`Remove stage: ${label}`}
            disabled={count <= STAGE_TEMPLATE_LIMITS.stages.min}
            onClick={onRemove}
          >
            Remove stage
          </button>
        )}
      </div>
    </li>
  );
}
