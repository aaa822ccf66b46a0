import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourForName, contrastRatio, NOTE_COLOURS } from './noteColours';

describe('colourForName', () => {
  it('gives the same colour for the same name, whatever the case or spacing', () => {
    expect(colourForName('SENCO A')).toEqual(colourForName(' senco a '));
    expect(colourForName('EP Lead').hex).toBe(NOTE_COLOURS[colourForName('EP Lead').index]);
  });

  it('spreads names over the palette', () => {
    const names = Array.from({ length: 40 }, (_, index) => `SENCO ${index}`);
    const used = new Set(names.map((name) => colourForName(name).index));
    expect(used.size).toBeGreaterThanOrEqual(NOTE_COLOURS.length - 1);
    for (const index of used) expect(index).toBeLessThan(NOTE_COLOURS.length);
  });

  it('copes with an empty name', () => {
    expect(NOTE_COLOURS).toContain(colourForName('').hex);
  });
});

describe('palette', () => {
  it('carries white label text at 7:1 or better, and stands out from white paper', () => {
    for (const hex of NOTE_COLOURS) expect(contrastRatio(hex, '#ffffff')).toBeGreaterThanOrEqual(7);
  });

  it('has a class in notes.css for each colour, in order', () => {
    const css = readFileSync(new URL('./notes.css', import.meta.url), 'utf8');
    NOTE_COLOURS.forEach((hex, index) => {
      expect(css).toMatch(new RegExp(`\\.note-colour-${index} \\{\\s*--note-colour: ${hex};`));
    });
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
