import { notesFragmentName } from '@consultboard/domain';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { LinkForm } from './LinkForm';
import type { NotesRoom } from './NotesRoom';
import { NotesToolbar } from './NotesToolbar';
import { colourForName } from './noteColours';
import { notesExtensions } from './notesExtensions';

/**
 * One stage's notes: a Tiptap editor bound to the stage's fragment of the case's shared document. Mount it
 * keyed by stage, so moving to another stage binds a fresh editor to that stage's fragment.
 */
export function NotesEditor({
  room,
  stageId,
  label,
  userName,
  editable,
}: {
  room: NotesRoom;
  stageId: string;
  /** The editor's accessible name, such as "Notes: Current situation". */
  label: string;
  userName: string;
  editable: boolean;
}) {
  const id = useId();
  const editableRef = useRef(editable);
  editableRef.current = editable;
  const [linkOpen, setLinkOpen] = useState(false);

  const editor = useEditor(
    {
      extensions: notesExtensions({
        doc: room.doc,
        field: notesFragmentName(stageId),
        provider: room.provider,
        user: { name: userName, color: colourForName(userName).hex },
      }),
      editable,
      // Tiptap's base styles are in notes.css: an injected <style> would break the Content-Security-Policy.
      injectCSS: false,
      editorProps: {
        attributes: () => ({
          id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': editableRef.current ? 'false' : 'true',
          class: 'notes-text',
        }),
      },
    },
    [room, stageId, userName],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    if (!editable) setLinkOpen(false);
  }, [editor, editable]);

  return (
    <div className="notes-editor">
      {editable && (
        <NotesToolbar editor={editor} editorId={id} linkOpen={linkOpen} onLink={() => setLinkOpen((open) => !open)} />
      )}
      {editable && linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
