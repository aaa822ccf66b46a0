import { describe, expect, it } from 'vitest';
import { parseCaseReference } from './caseReference.js';
import {
  BIDI_CONTROL_MESSAGE,
  checkCardText,
  checkDisplayName,
  isWellFormedText,
  looksLikeRole,
  NOT_WELL_FORMED_MESSAGE,
  ROLE_NAME_MESSAGE,
} from './textRules.js';

const LONE = ['\uD800', '\uDFFF', 'SENCO \uD83D', '\uDE00 A', 'a\uDC00\uD800b'];
const OVERRIDES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('isWellFormedText', () => {
  it.each(LONE)('finds the lone surrogate in %j', (text) => {
    expect(isWellFormedText(text)).toBe(false);
  });

  it.each(['', 'SENCO A', 'Ŵyl y plant 👍', '\uD83D\uDE00', 'שלום', '中文'])('accepts %j', (text) => {
    expect(isWellFormedText(text)).toBe(true);
  });

  it('agrees with String.prototype.isWellFormed where the runtime has it', () => {
    const probe = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;
    if (!probe) return;
    for (const text of [...LONE, 'SENCO A', '\uD83D\uDE00', '\uDBFF\uDFFF', '\uDFFF\uDBFF'])
      expect(isWellFormedText(text), JSON.stringify(text)).toBe(probe.call(text));
  });
});

describe('checkDisplayName', () => {
  it.each(LONE)('refuses %j as text that cannot be stored', (name) => {
    expect(checkDisplayName(name)).toEqual({ ok: false, message: NOT_WELL_FORMED_MESSAGE });
  });

  it.each([...OVERRIDES, '\u200E', '\u200F', '\u061C'])('refuses the direction character %j', (character) => {
    expect(checkDisplayName(`SENCO ${character}A`)).toEqual({ ok: false, message: BIDI_CONTROL_MESSAGE });
  });

  it.each([
    'EP',
    'ep',
    'EP Jones',
    'E.P.',
    'E P',
    'e-p 2',
    'EP2',
    'Jo (EP)',
    'ＥＰ',
    'E\u200BP',
    'Facilitator',
    'facilitator 1',
    'The facilitator',
    'Projector',
    'PROJECTOR',
    'Board',
    'Presenting SENCO',
    'presenting-senco',
    'Presenting SENCO A',
    'Educational Psychologist',
    'educational.psychologist',
  ])('refuses %j as a role', (name) => {
    expect(checkDisplayName(name)).toEqual({ ok: false, message: ROLE_NAME_MESSAGE });
  });

  it.each(['SENCO A', 'SENCO', 'Stephen', 'Pepper', 'Epiphany', 'Eve P', 'Boardman', 'Jo', 'Ŵyn', 'SENCO North'])(
    'lets %j through',
    (name) => {
      expect(checkDisplayName(name)).toEqual({ ok: true, value: name });
      expect(looksLikeRole(name)).toBe(false);
    },
  );
});

describe('checkCardText', () => {
  it.each(LONE)('refuses %j as text that cannot be stored', (text) => {
    expect(checkCardText(text)).toEqual({ ok: false, message: NOT_WELL_FORMED_MESSAGE });
  });

  it.each(OVERRIDES)('refuses the override or isolate %j', (character) => {
    expect(checkCardText(`Visual ${character}timetable`)).toEqual({ ok: false, message: BIDI_CONTROL_MESSAGE });
  });

  it('keeps the direction marks mixed-direction writing needs', () => {
    expect(checkCardText('Book \u200Fשלום\u200E list')).toEqual({ ok: true, value: 'Book \u200Fשלום\u200E list' });
  });
});

describe('parseCaseReference', () => {
  it.each([...OVERRIDES, '\u200E', '\u200F'])('refuses the direction character %j in a topic', (character) => {
    expect(parseCaseReference(`Year 3 ${character}transition`)).toEqual({ ok: false, message: BIDI_CONTROL_MESSAGE });
  });

  it('refuses a lone surrogate in a topic', () => {
    expect(parseCaseReference('Year 3 transition \uD800')).toEqual({ ok: false, message: NOT_WELL_FORMED_MESSAGE });
  });
});
