import { Component, lazy, type ReactNode, Suspense, useState } from 'react';
import type { NotesPanelProps } from './NotesPanel';

// Tiptap, Yjs and their providers are a separate chunk, fetched only when notes are shown.
const loadPanel = () => import('./NotesPanel');
const LazyPanel = lazy(loadPanel);

/**
 * The notes, loaded on demand, with a message (and a retry) if the chunk cannot be fetched: on a phone that
 * reloaded offline before the notes were ever cached, for instance.
 */
export function NotesArea(props: NotesPanelProps) {
  const [attempt, setAttempt] = useState(0);
  // A failed import stays failed inside its lazy(): a retry needs a fresh one.
  const [retryPanel, setRetryPanel] = useState<typeof LazyPanel | null>(null);
  const Shown = retryPanel ?? LazyPanel;
  return (
    <NotesBoundary
      key={attempt}
      onRetry={() => {
        setRetryPanel(() => lazy(loadPanel));
        setAttempt((count) => count + 1);
      }}
    >
      <Suspense fallback={<p className="notes-loading">Opening the notes…</p>}>
        <Shown {...props} />
      </Suspense>
    </NotesBoundary>
  );
}

class NotesBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert" role="alert">
        <p>The notes could not open. Check the connection, then try again.</p>
        <button type="button" className="button secondary small" onClick={this.props.onRetry}>
          Try again
        </button>
      </div>
    );
  }
}
