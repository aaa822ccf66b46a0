import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { caretElement, caretSelection } from './caretRender';
import { isAllowedNoteLink, NOTE_LINK_PROTOCOLS } from './noteLinks';

export interface NotesUser {
  name: string;
  /** #rrggbb, for other clients; this app colours carets by the name's palette class. */
  color: string;
}

/**
 * The notes schema and behaviour: paragraphs, bullet and numbered lists, bold, italic and links, nothing else,
 * so nothing pasted or synced can bring in other markup. Bound to one stage's fragment of the case's document.
 */
export function notesExtensions({
  doc,
  field,
  provider,
  user,
}: {
  doc: Y.Doc;
  field: string;
  provider: WebsocketProvider;
  user: NotesUser;
}): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      strike: false,
      horizontalRule: false,
      underline: false,
      hardBreak: false,
      link: false,
      // Every client would add its own trailing paragraph to the shared document at once.
      trailingNode: false,
      // Collaboration brings its own history, which undoes only this person's changes.
      undoRedo: false,
    }),
    Link.configure({
      protocols: [...NOTE_LINK_PROTOCOLS],
      defaultProtocol: 'https',
      autolink: true,
      linkOnPaste: true,
      openOnClick: false,
      isAllowedUri: (url) => isAllowedNoteLink(url),
      shouldAutoLink: (url) => isAllowedNoteLink(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
    Collaboration.configure({ document: doc, field }),
    CollaborationCaret.configure({
      provider,
      user,
      render: caretElement,
      selectionRender: caretSelection,
    }),
  ];
}
