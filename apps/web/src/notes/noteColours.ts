/**
 * The colours that mark each person's caret in the notes. Every one carries white label text at 7:1 or better
 * and stands out from white paper; notes.css has a `.note-colour-<index>` class for each, in this order
 * (carets are coloured by class, since the Content-Security-Policy forbids inline styles).
 */
export const NOTE_COLOURS = [
  '#0b4f8a',
  '#1a5c30',
  '#5b2d8e',
  '#00606b',
  '#a4161a',
  '#7a3e00',
  '#6b2750',
  '#37474f',
] as const;

export interface NoteColour {
  index: number;
  hex: string;
}

/** The same colour for the same name on every screen, so people recognise each other's carets. */
export function colourForName(name: string): NoteColour {
  const key = name.trim().toLocaleLowerCase('en-GB');
  // FNV-1a: a small, stable hash; any even spread over the palette will do.
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const index = hash % NOTE_COLOURS.length;
  return { index, hex: NOTE_COLOURS[index] ?? NOTE_COLOURS[0] };
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
