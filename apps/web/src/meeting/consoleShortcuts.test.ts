import { describe, expect, it } from 'vitest';
import { consoleShortcut, isTypingIn, type KeyPress } from './consoleShortcuts';

/** A stand-in for an element: `closest` answers as the browser would for an element inside `fields`. */
function element(inField: boolean): EventTarget {
  return { closest: () => (inField ? {} : null) } as unknown as EventTarget;
}

const press = (key: string, overrides: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
  target: element(false),
  ...overrides,
});

describe('consoleShortcut', () => {
  it.each([
    ['n', 'stage.next'],
    ['N', 'stage.next'],
    ['ArrowRight', 'stage.next'],
    ['p', 'stage.previous'],
    ['ArrowLeft', 'stage.previous'],
    ['t', 'timer.toggle'],
    ['T', 'timer.toggle'],
    ['+', 'timer.extend'],
    ['Escape', 'spotlight.off'],
    ['?', 'help'],
  ])('reads %s as %s', (key, action) => {
    expect(consoleShortcut(press(key), false)).toBe(action);
  });

  it('ignores other keys', () => {
    expect(consoleShortcut(press('x'), false)).toBeNull();
    expect(consoleShortcut(press('Enter'), false)).toBeNull();
  });

  it('never fires while typing in a field', () => {
    expect(consoleShortcut(press('n', { target: element(true) }), false)).toBeNull();
    expect(consoleShortcut(press('Escape', { target: element(true) }), false)).toBeNull();
  });

  it('leaves the browser’s own shortcuts, a held key, a handled key and an open dialog alone', () => {
    expect(consoleShortcut(press('t', { ctrlKey: true }), false)).toBeNull();
    expect(consoleShortcut(press('n', { metaKey: true }), false)).toBeNull();
    expect(consoleShortcut(press('n', { altKey: true }), false)).toBeNull();
    expect(consoleShortcut(press('n', { repeat: true }), false)).toBeNull();
    expect(consoleShortcut(press('n', { defaultPrevented: true }), false)).toBeNull();
    expect(consoleShortcut(press('Escape'), true)).toBeNull();
  });
});

describe('isTypingIn', () => {
  it('is false for no target or one that is not an element', () => {
    expect(isTypingIn(null)).toBe(false);
    expect(isTypingIn({} as EventTarget)).toBe(false);
  });
});
