import { useRef } from 'react';
import { Modal } from '../components/Modal';
import { SHORTCUTS } from '../meeting/consoleShortcuts';

/** The Keyboard shortcuts dialog (issue 9, item 7): what each key does on the console. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Modal open={open} onClose={onClose} labelledBy="shortcuts-heading" initialFocus={close}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <p>They work anywhere on this page except while you are typing in a box.</p>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button primary" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
