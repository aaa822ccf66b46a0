import './plan.css';
import {
  ACTION_PLAN_LIMITS,
  ACTION_ROW_LABELS,
  type ActionRow,
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  type AreaOfNeed,
} from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { saveStatusText } from '../cases/saveStatusText';
import { SelectField, TextArea, TextField } from '../components/Field';
import { makeCommandId } from '../meeting/commandId';
import { FieldFindings } from '../privacy/FieldFindings';
import { addRow, moveRow, removeRow, updateRow } from './planRows';
import type { PlanEditing } from './usePlanSync';

/** The plan's rows as editable fields, with Add action; every change goes to `editing`, which saves it. */
export function ActionPlanEditor({ editing, disabled = false }: { editing: PlanEditing; disabled?: boolean }) {
  const { view, edit } = editing;
  const { rows } = view;
  const [focusRow, setFocusRow] = useState<string | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    document.querySelector<HTMLTextAreaElement>(`[data-action-of="${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const full = rows.length >= ACTION_PLAN_LIMITS.rows;
  const statusText = view.status.state === 'failed' ? '' : saveStatusText(view.status);

  return (
    <div className="plan-editor">
      {view.conflict ? (
        <div className="alert" role="alert">
          <p>{view.conflict.message}</p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={editing.reapplyMine}>
              Re-apply my changes
            </button>
            <button type="button" className="button secondary" onClick={editing.keepTheirs}>
              Keep their version
            </button>
          </div>
        </div>
      ) : (
        view.status.state === 'failed' && (
          <div className="alert" role="alert">
            {saveStatusText(view.status)}
          </div>
        )
      )}
      {rows.length === 0 && <p className="muted">No actions yet.</p>}
      <ol className="plan-rows">
        {rows.map((row, index) => (
          <li key={row.id}>
            <RowFields
              row={row}
              position={index + 1}
              first={index === 0}
              last={index === rows.length - 1}
              disabled={disabled}
              onChange={(change) => edit(updateRow(rows, row.id, change))}
              onMove={(by) => edit(moveRow(rows, row.id, by), true)}
              onRemove={() => edit(removeRow(rows, row.id), true)}
            />
          </li>
        ))}
      </ol>
      <div className="button-row plan-actions">
        <button
          type="button"
          className="button primary"
          disabled={disabled || full}
          onClick={() => {
            const id = makeCommandId();
            edit(addRow(rows, id), true);
            setFocusRow(id);
          }}
        >
          Add action
        </button>
        <p className="save-status" role="status">
          {statusText}
        </p>
      </div>
      {full && <p className="hint">A plan holds at most {ACTION_PLAN_LIMITS.rows} actions.</p>}
    </div>
  );
}

function RowFields({
  row,
  position,
  first,
  last,
  disabled,
  onChange,
  onMove,
  onRemove,
}: {
  row: ActionRow;
  position: number;
  first: boolean;
  last: boolean;
  disabled: boolean;
  onChange: (change: Partial<Omit<ActionRow, 'id'>>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <fieldset className="plan-row">
      <legend>Action {position}</legend>
      <TextArea
        label={ACTION_ROW_LABELS.action}
        className="plan-action"
        rows={2}
        limit={ACTION_PLAN_LIMITS.action}
        data-action-of={row.id}
        value={row.action}
        disabled={disabled}
        hint={row.action.trim() === '' ? 'Write the action to save this row.' : undefined}
        onChange={(event) => onChange({ action: event.target.value })}
      />
      <FieldFindings text={row.action} label={`${ACTION_ROW_LABELS.action} ${position}`} />
      <div className="plan-row-grid">
        <TextField
          label={ACTION_ROW_LABELS.who}
          limit={ACTION_PLAN_LIMITS.who}
          data-field={`${row.id}:who`}
          value={row.who}
          disabled={disabled}
          onChange={(event) => onChange({ who: event.target.value })}
        />
        <TextField
          label={ACTION_ROW_LABELS.byWhen}
          type="date"
          data-field={`${row.id}:byWhen`}
          value={row.byWhen}
          disabled={disabled}
          onChange={(event) => onChange({ byWhen: event.target.value })}
        />
        <TextField
          label={ACTION_ROW_LABELS.reviewDate}
          type="date"
          value={row.reviewDate}
          disabled={disabled}
          onChange={(event) => onChange({ reviewDate: event.target.value })}
        />
        <SelectField
          label={ACTION_ROW_LABELS.areaOfNeed}
          value={row.areaOfNeed ?? ''}
          disabled={disabled}
          onChange={(event) => onChange({ areaOfNeed: (event.target.value || null) as AreaOfNeed | null })}
        >
          <option value="">Not set</option>
          {AREAS_OF_NEED.map((area) => (
            <option key={area} value={area}>
              {AREA_OF_NEED_LABELS[area]}
            </option>
          ))}
        </SelectField>
      </div>
      <FieldFindings text={row.who} label={`${ACTION_ROW_LABELS.who} ${position}`} />
      <TextArea
        label={ACTION_ROW_LABELS.successLooksLike}
        rows={2}
        limit={ACTION_PLAN_LIMITS.successLooksLike}
        data-field={`${row.id}:successLooksLike`}
        value={row.successLooksLike}
        disabled={disabled}
        onChange={(event) => onChange({ successLooksLike: event.target.value })}
      />
      <FieldFindings text={row.successLooksLike} label={`${ACTION_ROW_LABELS.successLooksLike} ${position}`} />
      <div className="button-row">
        <button
          type="button"
          className="button secondary small"
          disabled={disabled || first}
          onClick={() => onMove(-1)}
        >
          Move up
        </button>
        <button type="button" className="button secondary small" disabled={disabled || last} onClick={() => onMove(1)}>
          Move down
        </button>
        <button type="button" className="button secondary small" disabled={disabled} onClick={onRemove}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
