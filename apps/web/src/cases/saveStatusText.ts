import type { SaveStatus } from './debouncedSaver';

/** The words of the saving line under the preparation form. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Not saved: ${status.message}`;
  }
}
