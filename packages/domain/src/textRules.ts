import { LIMITS } from './limits.js';

// The rules for text people type, without zod: the schemas in commands.ts are built on these, and a phone can
// check its input with them before it has downloaded zod (which would add a third to its first load).

export type Checked = { ok: true; value: string } | { ok: false; message: string };

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NAME_REFUSED = /[\u0000-\u001F\u007F<>]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CARD_REFUSED = /[\u0000-\u0009\u000B-\u001F\u007F]/;

/** Tidies a display name typed on a phone, or says what is wrong with it. */
export function checkDisplayName(input: string): Checked {
  const value = input.trim().replace(/\s+/g, ' ');
  if (value.length < LIMITS.displayName.min) return { ok: false, message: 'Enter your name.' };
  if (value.length > LIMITS.displayName.max) {
    return { ok: false, message: `A name is at most ${LIMITS.displayName.max} characters.` };
  }
  if (NAME_REFUSED.test(value)) return { ok: false, message: 'The name holds characters that cannot be shown.' };
  return { ok: true, value };
}

/** Tidies card text before it is queued, or says what is wrong with it. */
export function checkCardText(input: string): Checked {
  const value = input.replace(/\r\n?/g, '\n').trim();
  if (value.length < LIMITS.cardText.min) return { ok: false, message: 'Write something before adding the card.' };
  if (value.length > LIMITS.cardText.max) {
    return { ok: false, message: `A card holds at most ${LIMITS.cardText.max} characters.` };
  }
  if (CARD_REFUSED.test(value)) return { ok: false, message: 'The text holds characters that cannot be shown.' };
  return { ok: true, value };
}
