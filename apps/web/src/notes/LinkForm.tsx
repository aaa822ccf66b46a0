import type { Editor } from '@tiptap/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { linkFromInput } from './noteLinks';

/** Adds, changes or removes the link at the selection; opened by the toolbar's Link button. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes('link').href;
  const existing = typeof current === 'string' ? current : '';
  const [text, setText] = useState(existing);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    input.current?.focus();
  }, []);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const href = linkFromInput(text);
    if (!href) {
      setError('Enter a web address such as https://example.org, or an e-mail address.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !existing) {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form
      className="notes-link-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <input
        ref={input}
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button primary small">
          {existing ? 'Save link' : 'Add link'}
        </button>
        {existing && (
          <button type="button" className="button secondary small" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className="button secondary small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
