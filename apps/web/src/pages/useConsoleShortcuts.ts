import type { MeetingState } from '@consultboard/domain';
import { useEffect, useRef } from 'react';
import type { CommandBody } from '../meeting/commandBody';
import { consoleShortcut } from '../meeting/consoleShortcuts';
import { controlsAvailable } from '../meeting/controlsAvailable';

/**
 * The console's keyboard shortcuts (issue 9, item 7), listed in the Keyboard shortcuts dialog. A key sends only
 * what the matching button would (nothing at the last stage, for instance), so a slip of the keyboard is never
 * refused afterwards; focus does not move.
 */
export function useConsoleShortcuts(options: {
  state: MeetingState;
  enabled: boolean;
  send: (body: CommandBody) => unknown;
  openHelp: () => void;
}): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = consoleShortcut(event, document.querySelector('dialog[open]') !== null);
      if (!action) return;
      const { state, enabled, send, openHelp } = latest.current;
      if (action === 'help') {
        event.preventDefault();
        openHelp();
        return;
      }
      if (!enabled) return;
      const body = bodyFor(action, state);
      if (!body) return;
      event.preventDefault();
      send(body);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function bodyFor(action: Exclude<ReturnType<typeof consoleShortcut>, null | 'help'>, state: MeetingState) {
  const can = controlsAvailable(state);
  switch (action) {
    case 'stage.next':
      return can.nextStage ? ({ type: 'stage.next' } as const) : null;
    case 'stage.previous':
      return can.previousStage ? ({ type: 'stage.previous' } as const) : null;
    case 'timer.toggle':
      return { type: can.timerRunning ? 'timer.pause' : 'timer.start' } as const;
    case 'timer.extend':
      return { type: 'timer.extend' } as const;
    case 'spotlight.off':
      return state.spotlightCardId === null ? null : ({ type: 'card.spotlight', cardId: null } as const);
  }
}
