import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_LOOK_ALIKE_GROUPS,
  joinCodeLookAlikeReadings,
  joinCodeNeverUses,
  makeJoinCode,
  normaliseJoinCode,
  readJoinCode,
} from './joinCode.js';

/** A deterministic byte source (xorshift32), so the distribution test always gives the same answer. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      bytes[i] = x & 0xff;
    }
    return bytes;
  };
}

/** A byte source that hands out the given batches in turn, and records how many bytes were asked for. */
function scriptedBytes(...batches: number[][]): { source: (n: number) => Uint8Array; asked: number[] } {
  const asked: number[] = [];
  let call = 0;
  const source = (n: number) => {
    asked.push(n);
    const batch = batches[call] ?? [];
    call += 1;
    if (batch.length !== n) throw new Error(`batch ${call} has ${batch.length} bytes, ${n} were asked for`);
    return Uint8Array.from(batch);
  };
  return { source, asked };
}

const LOOK_ALIKES = ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B'];

describe('the join-code alphabet', () => {
  it('holds none of the look-alikes 0 O 1 I L 2 Z 5 S 8 B', () => {
    for (const letter of LOOK_ALIKES) expect(JOIN_CODE_ALPHABET, letter).not.toContain(letter);
  });

  it('holds 25 distinct upper-case letters and digits, so 250 is a multiple of its size', () => {
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET.length).toBe(25);
  });

  it('makes codes six characters long', () => {
    expect(JOIN_CODE_LENGTH).toBe(6);
  });
});

describe('makeJoinCode', () => {
  it('makes codes of six alphabet letters', () => {
    const bytes = seededBytes(42);
    for (let i = 0; i < 200; i += 1) {
      const code = makeJoinCode(bytes);
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const letter of code) expect(JOIN_CODE_ALPHABET).toContain(letter);
    }
  });

  it('maps each byte to the alphabet by its remainder', () => {
    const { source } = scriptedBytes([0, 1, 2, 24, 25, 249, 0, 0, 0, 0, 0, 0]);
    // 0 → A, 1 → C, 2 → D, 24 → 9 (the last letter), 25 → A again, 249 → 9.
    expect(makeJoinCode(source)).toBe('ACD9A9');
    expect(makeJoinCode(scriptedBytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).source)).toBe(
      JOIN_CODE_ALPHABET.slice(0, 6),
    );
  });

  it('skips bytes of 250 and above', () => {
    const { source } = scriptedBytes([250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5]);
    expect(makeJoinCode(source)).toBe(JOIN_CODE_ALPHABET.slice(0, 6));
  });

  it('starts again with fresh bytes when too many were skipped', () => {
    const { source, asked } = scriptedBytes(
      [255, 0, 255, 1, 255, 2, 255, 3, 255, 4, 255, 250],
      [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
    );
    expect(makeJoinCode(source)).toBe(JOIN_CODE_ALPHABET.slice(5, 11));
    expect(asked).toEqual([12, 12]);
  });

  it('gives every letter exactly the same share of the bytes it accepts', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte += 1) {
      if (byte >= 250) continue;
      const code = makeJoinCode(() => new Uint8Array(12).fill(byte));
      const letter = code[0] ?? '';
      expect(code).toBe(letter.repeat(6));
      counts.set(letter, (counts.get(letter) ?? 0) + 1);
    }
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    for (const letter of JOIN_CODE_ALPHABET) expect(counts.get(letter), letter).toBe(10);
  });

  it('spreads letters evenly over many codes from a seeded source', () => {
    const bytes = seededBytes(20250314);
    const counts = new Map<string, number>();
    const codes = 10_000;
    for (let i = 0; i < codes; i += 1) {
      for (const letter of makeJoinCode(bytes)) counts.set(letter, (counts.get(letter) ?? 0) + 1);
    }
    const expected = (codes * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length; // 2400 each
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    for (const letter of JOIN_CODE_ALPHABET) {
      const count = counts.get(letter) ?? 0;
      expect(Math.abs(count - expected) / expected, letter).toBeLessThan(0.1);
    }
  });
});

describe('normaliseJoinCode', () => {
  it.each([
    ['ACDEFG', 'ACDEFG'],
    ['acdefg', 'ACDEFG'],
    ['  acd efg ', 'ACDEFG'],
    ['ACD-EFG', 'ACDEFG'],
    ['a-c-d e\tf g', 'ACDEFG'],
    ['34679Y', '34679Y'],
  ])('reads %j as %s', (input, code) => {
    expect(normaliseJoinCode(input)).toBe(code);
  });

  it.each([
    ['', 'empty'],
    ['ACDEF', 'too short'],
    ['ACDEFGH', 'too long'],
    ['ACD EF GH', 'too long once the spaces are gone'],
    ['ACDEF0', 'a zero'],
    ['ACDEFO', 'an O'],
    ['ACDEFI', 'an I'],
    ['ACDEFL', 'an L'],
    ['ACDEF5', 'a 5'],
    ['ACDEFB', 'a B'],
    ['ACD_EF', 'an underscore'],
    ['ACDÉFG', 'an accented letter'],
  ])('refuses %j (%s)', (input) => {
    expect(normaliseJoinCode(input)).toBeNull();
  });

  it('accepts every code makeJoinCode makes', () => {
    const bytes = seededBytes(7);
    for (let i = 0; i < 100; i += 1) {
      const code = makeJoinCode(bytes);
      expect(normaliseJoinCode(code.toLowerCase())).toBe(code);
    }
  });
});

// Item 6 of issue 9: a code typed wrongly says why, and look-alikes are read where that is unambiguous.
describe('readJoinCode', () => {
  it('lists the characters codes never use, derived from the alphabet', () => {
    expect(joinCodeNeverUses()).toEqual(['0', '1', '2', '5', '8', 'B', 'I', 'L', 'O', 'S', 'Z']);
    for (const character of joinCodeNeverUses()) expect(JOIN_CODE_ALPHABET).not.toContain(character);
    expect(joinCodeNeverUses().length + JOIN_CODE_ALPHABET.length).toBe(36);
  });

  it('says which characters codes never use, naming those typed (the issue’s GF7JT5)', () => {
    expect(readJoinCode('GF7JT5')).toEqual({
      ok: false,
      problem: 'never_used',
      characters: ['5'],
      message: 'Join codes never use 0, 1, 2, 5, 8, B, I, L, O, S or Z. You typed 5.',
    });
    expect(readJoinCode('s0 l1ab')).toMatchObject({
      characters: ['S', '0', 'L', '1', 'B'],
      message: 'Join codes never use 0, 1, 2, 5, 8, B, I, L, O, S or Z. You typed S, 0, L, 1 or B.',
    });
  });

  it('asks for the code again when it has the wrong length or other characters', () => {
    for (const input of ['', 'ACDEF', 'ACDEFGH', 'ACD_EF', 'ACDÉFG', 'x'.repeat(40)]) {
      expect(readJoinCode(input), input).toEqual({
        ok: false,
        problem: 'shape',
        message: 'Enter the join code shown on the board: 6 letters and numbers.',
      });
    }
  });

  it('reads full-width and Greek or Cyrillic look-alikes as the letters they stand for', () => {
    expect(readJoinCode('ＡＣＤ７ＫＭ')).toEqual({ ok: true, code: 'ACD7KM' });
    // Cyrillic А, С, Е, Н, К, М and Greek Τ, Χ.
    expect(readJoinCode('\u0410\u0421\u0415\u041D\u041A\u041C')).toEqual({ ok: true, code: 'ACEHKM' });
    expect(readJoinCode('\u0430\u0441\u0435 \u03A4\u03A7\u0443')).toEqual({ ok: true, code: 'ACETXY' });
    // A Cyrillic В looks like B, which codes never use: it is reported as B.
    expect(readJoinCode('\u0412CD7KM')).toMatchObject({ problem: 'never_used', characters: ['B'] });
  });

  it('reads a look-alike as the one alphabet character of its group, and only when there is exactly one', () => {
    // Today each group was left out whole, so nothing is guessed.
    expect(joinCodeLookAlikeReadings()).toEqual({});
    // Had the alphabet kept O (but not 0), a typed 0 would be read as O; with both 1 and I kept, L stays unread.
    expect(joinCodeLookAlikeReadings('ACDO7I1', JOIN_CODE_LOOK_ALIKE_GROUPS)).toEqual({ 0: 'O' });
    expect(joinCodeLookAlikeReadings('ACD5', ['5S', '8B'])).toEqual({ S: '5' });
  });

  it('keeps normaliseJoinCode for well-formed codes', () => {
    expect(normaliseJoinCode('acd 7km')).toBe('ACD7KM');
    expect(normaliseJoinCode('GF7JT5')).toBeNull();
  });
});
