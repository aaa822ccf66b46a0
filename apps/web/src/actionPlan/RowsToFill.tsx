import { ACTION_ROW_LABELS, type RowFieldToFill, type rowsToFill } from '@consultboard/domain';
import { useEffect, useRef } from 'react';

/** Where a row's field is in the editor: the export's notice takes the SENCO to the first one to fill. */
export const fieldSelector = (rowId: string, field: RowFieldToFill) =>
  `[data-field="${CSS.escape(`${rowId}:${field}`)}"]`;

/**
 * Before an export (issue 13 item 5): the actions with an empty **Who**, **By when** or **Success looks like**,
 * by number, with the way back to fill them (for whoever edits the plan) or on to export anyway.
 */
export function RowsToFill({
  toFill,
  format,
  onFill,
  onExport,
  onCancel,
}: {
  toFill: ReturnType<typeof rowsToFill>;
  format: 'Word' | 'PDF';
  /** Absent for whoever may not edit the plan (an EP after the meeting): they may only export or cancel. */
  onFill?: () => void;
  onExport: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The keyboard goes to the notice, so the reason the file did not come yet is heard at once.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice rows-to-fill" aria-labelledby="rows-to-fill-heading">
      <h3 id="rows-to-fill-heading" ref={heading} tabIndex={-1}>
        Some actions are not filled in
      </h3>
      <p>An inspector reads who does each action, by when, and what success looks like. These are empty:</p>
      <ul>
        {toFill.map((item) => (
          <li key={item.id}>
            <strong>Action {item.row}:</strong> {item.missing.map((field) => ACTION_ROW_LABELS[field]).join(', ')}
          </li>
        ))}
      </ul>
      <div className="button-row">
        {onFill ? (
          <button type="button" className="button primary" onClick={onFill}>
            Fill them in
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="button" className="button secondary" onClick={onExport}>
          Export anyway ({format})
        </button>
      </div>
      {!onFill && <p className="hint">The school's SENCO fills them in.</p>}
    </section>
  );
}
