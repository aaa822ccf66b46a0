import { LIMITS } from './limits.js';

// The rules for text people type, without zod: the schemas (textSchema.ts, commands.ts) are built on these, and a
// phone can check its input with them before it has downloaded zod (which would add a third to its first load).

export type Checked = { ok: true; value: string } | { ok: false; message: string };

/** What a person is told when text holds half of a character (a lone surrogate), which UTF-8 cannot store. */
export const NOT_WELL_FORMED_MESSAGE = 'This text has characters that cannot be stored.';
/** What a person is told when a name, reference or card holds characters that reorder how it is shown. */
export const BIDI_CONTROL_MESSAGE = 'This text has hidden characters that change its direction. Type it again.';
/** What a phone is told when its name reads like one of the roles the board and console show. */
export const ROLE_NAME_MESSAGE = 'Choose a name that is not a role, such as your first name.';

// With the u flag, the surrogate category matches only halves that are not part of a pair: exactly the text
// String.prototype.isWellFormed refuses, also in the browsers the web still supports that lack it (Safari < 16.4).
const LONE_SURROGATE = /\p{Cs}/u;
// Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) make text show in an order other than it is
// stored, so "SENCO A" on the board could be other characters, or a card could hide what it says.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// The invisible direction marks (LRM, RLM, ALM) only nudge punctuation, but make two names that look the same
// differ; they are refused in names and references, and allowed in cards where mixed-direction writing needs them.
const BIDI_MARKS = /[\u200E\u200F\u061C]/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NAME_REFUSED = /[\u0000-\u001F\u007F<>]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CARD_REFUSED = /[\u0000-\u0009\u000B-\u001F\u007F]/;

/** Whether text is well-formed Unicode (no lone surrogate), so it can be stored as UTF-8 and read back the same. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Whether text holds a character that reorders how it is shown (an embedding, override or isolate). */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** Whether a name or reference holds a direction control or an invisible direction mark. */
export function hasDirectionCharacters(text: string): boolean {
  return BIDI_CONTROLS.test(text) || BIDI_MARKS.test(text);
}

// Roles the board, the console and the presence list show, written as a name would be compared: lower case,
// letters and digits only. A phone's name containing one of these could pass for the EP or the board.
const ROLE_PHRASES = ['facilitator', 'projector', 'presentingsenco', 'educationalpsychologist'];
const ROLE_NAMES = ['board'];

/**
 * Whether a display name reads like a role ("EP", "EP Jones", "E.P.", "Facilitator", "Presenting SENCO"),
 * ignoring case, spaces, punctuation and look-alike forms such as full-width letters. "SENCO A" is a name.
 */
export function looksLikeRole(name: string): boolean {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const compact = words.join('');
  if (words.some((word) => /^ep\d*$/.test(word))) return true;
  if (words.some((word, index) => word === 'e' && /^p\d*$/.test(words[index + 1] ?? ''))) return true;
  return ROLE_NAMES.includes(compact) || ROLE_PHRASES.some((phrase) => compact.includes(phrase));
}

/** Tidies a display name typed on a phone, or says what is wrong with it. */
export function checkDisplayName(input: string): Checked {
  if (!isWellFormedText(input)) return { ok: false, message: NOT_WELL_FORMED_MESSAGE };
  const value = input.trim().replace(/\s+/g, ' ');
  if (value.length < LIMITS.displayName.min) return { ok: false, message: 'Enter your name.' };
  if (value.length > LIMITS.displayName.max) {
    return { ok: false, message: `A name is at most ${LIMITS.displayName.max} characters.` };
  }
  if (NAME_REFUSED.test(value)) return { ok: false, message: 'The name holds characters that cannot be shown.' };
  if (hasDirectionCharacters(value)) return { ok: false, message: BIDI_CONTROL_MESSAGE };
  if (looksLikeRole(value)) return { ok: false, message: ROLE_NAME_MESSAGE };
  return { ok: true, value };
}

/** Tidies card text before it is queued, or says what is wrong with it. */
export function checkCardText(input: string): Checked {
  if (!isWellFormedText(input)) return { ok: false, message: NOT_WELL_FORMED_MESSAGE };
  const value = input.replace(/\r\n?/g, '\n').trim();
  if (value.length < LIMITS.cardText.min) return { ok: false, message: 'Write something before adding the card.' };
  if (value.length > LIMITS.cardText.max) {
    return { ok: false, message: `A card holds at most ${LIMITS.cardText.max} characters.` };
  }
  if (CARD_REFUSED.test(value)) return { ok: false, message: 'The text holds characters that cannot be shown.' };
  if (hasBidiControls(value)) return { ok: false, message: BIDI_CONTROL_MESSAGE };
  return { ok: true, value };
}
