/** What a key does on the EP's console (issue 9, item 7). */
export type ShortcutAction =
  | 'stage.next'
  | 'stage.previous'
  | 'timer.toggle'
  | 'timer.extend'
  | 'spotlight.off'
  | 'help';

/** The shortcuts as the Keyboard shortcuts dialog lists them, in its words. */
export const SHORTCUTS: readonly { keys: readonly string[]; action: ShortcutAction; does: string }[] = [
  { keys: ['N', '→'], action: 'stage.next', does: 'Next stage' },
  { keys: ['P', '←'], action: 'stage.previous', does: 'Previous stage' },
  { keys: ['T'], action: 'timer.toggle', does: 'Start or pause the timer' },
  { keys: ['+'], action: 'timer.extend', does: 'Add 2 minutes' },
  { keys: ['Esc'], action: 'spotlight.off', does: 'Spotlight off' },
  { keys: ['?'], action: 'help', does: 'Show these shortcuts' },
];

const BY_KEY: Readonly<Record<string, ShortcutAction>> = {
  n: 'stage.next',
  N: 'stage.next',
  ArrowRight: 'stage.next',
  p: 'stage.previous',
  P: 'stage.previous',
  ArrowLeft: 'stage.previous',
  t: 'timer.toggle',
  T: 'timer.toggle',
  '+': 'timer.extend',
  Escape: 'spotlight.off',
  '?': 'help',
};

/** The part of a key press the shortcuts look at (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Whether the key goes to a field someone is typing in (or choosing from): then no shortcut fires. */
export function isTypingIn(target: EventTarget | null): boolean {
  const closest = (target as Partial<Element> | null)?.closest;
  if (typeof closest !== 'function') return false;
  return closest.call(target, 'input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The action a key press asks for, or null. Never while typing in a field, never with Ctrl, Cmd or Alt (the
 * browser's own shortcuts), never while a dialog is open (Escape there is the dialog's), and a held key does not
 * repeat: one press, one move.
 */
export function consoleShortcut(press: KeyPress, dialogOpen: boolean): ShortcutAction | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  if (dialogOpen || isTypingIn(press.target)) return null;
  return BY_KEY[press.key] ?? null;
}
