import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
}

interface Tool {
  label: string;
  active: keyof ToolbarState;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[] = [
  { label: 'Bold', active: 'bold', run: (editor) => editor.chain().focus().toggleBold().run() },
  { label: 'Italic', active: 'italic', run: (editor) => editor.chain().focus().toggleItalic().run() },
  { label: 'Bullet list', active: 'bulletList', run: (editor) => editor.chain().focus().toggleBulletList().run() },
  {
    label: 'Numbered list',
    active: 'orderedList',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
];

/**
 * The formatting buttons: one tab stop, arrow keys move between them (the ARIA toolbar pattern), and each
 * says with aria-pressed whether its formatting applies where the caret is.
 */
export function NotesToolbar({
  editor,
  editorId,
  onLink,
  linkOpen,
}: {
  editor: Editor;
  editorId: string;
  onLink: () => void;
  linkOpen: boolean;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }): ToolbarState => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
    }),
  });
  const [focused, setFocused] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = TOOLS.length + 1;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowRight: (focused + 1) % count,
      ArrowLeft: (focused - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    buttons.current[next]?.focus();
  }

  const button = (index: number, label: string, pressed: boolean, onClick: () => void, extra = {}) => (
    <button
      key={label}
      ref={(element) => {
        buttons.current[index] = element;
      }}
      type="button"
      className="button secondary small"
      aria-pressed={pressed}
      tabIndex={focused === index ? 0 : -1}
      onFocus={() => setFocused(index)}
      // Keep the editor's selection: a pressed button must not steal it before the command runs.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      {...extra}
    >
      {label}
    </button>
  );

  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      aria-controls={editorId}
      className="notes-toolbar"
      onKeyDown={onKeyDown}
    >
      {TOOLS.map((tool, index) => button(index, tool.label, state[tool.active], () => tool.run(editor)))}
      {button(TOOLS.length, 'Link', state.link, onLink, { 'aria-expanded': linkOpen })}
    </div>
  );
}
