/** Join-code letters, without the look-alikes 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Makes a join code from a source of random bytes (crypto in the server). */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(JOIN_CODE_LENGTH * 2);
  let code = '';
  for (const byte of bytes) {
    // Reject bytes past the largest multiple of the alphabet's size so every letter is equally likely.
    if (byte >= 250) continue;
    code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    if (code.length === JOIN_CODE_LENGTH) return code;
  }
  return makeJoinCode(randomBytes);
}

/** Tidies what a person typed (spaces, lower case) into a code, or null when it cannot be one. */
export function normaliseJoinCode(input: string): string | null {
  const reading = readJoinCode(input);
  return reading.ok ? reading.code : null;
}

// Item 6 of issue 9: codes typed wrongly say why, and look-alikes are read where that is unambiguous.

/**
 * Characters people mistake for one another when copying a code, as the alphabet's comment names them. A
 * character codes never use is read as the one alphabet character of its group, when there is exactly one: with
 * today's alphabet no group holds any (each pair was left out whole), so these are reported, not guessed.
 */
export const JOIN_CODE_LOOK_ALIKE_GROUPS: readonly string[] = ['0O', '1IL', '2Z', '5S', '8B'];

/**
 * Letters of other scripts drawn exactly like an alphabet letter (a phone left on a Greek or Cyrillic keyboard):
 * read as that letter. Full-width forms need no table: NFKC turns them into plain ones.
 */
const OTHER_SCRIPT_LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

/** The upper-case letters and digits that codes never use, in the order "0–9, then A–Z". */
export function joinCodeNeverUses(alphabet: string = JOIN_CODE_ALPHABET): string[] {
  return [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((character) => !alphabet.includes(character));
}

/** Each never-used character with exactly one look-alike in the alphabet, mapped to it. */
export function joinCodeLookAlikeReadings(
  alphabet: string = JOIN_CODE_ALPHABET,
  groups: readonly string[] = JOIN_CODE_LOOK_ALIKE_GROUPS,
): Record<string, string> {
  const readings: Record<string, string> = {};
  for (const group of groups) {
    const inAlphabet = [...group].filter((character) => alphabet.includes(character));
    if (inAlphabet.length !== 1) continue;
    for (const character of group) if (!alphabet.includes(character)) readings[character] = inAlphabet[0] as string;
  }
  return readings;
}

const READINGS = joinCodeLookAlikeReadings();
const NEVER_USED = joinCodeNeverUses();

/** "0, 1, 2 or Z": a list as a sentence says it. */
function spokenList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** What a person is told when a code holds characters that codes never use, naming the ones they typed. */
export function neverUsedMessage(typed: readonly string[]): string {
  return `Join codes never use ${spokenList(NEVER_USED)}. You typed ${spokenList(typed)}.`;
}

export const JOIN_CODE_SHAPE_MESSAGE = `Enter the join code shown on the board: ${JOIN_CODE_LENGTH} letters and numbers.`;

export type JoinCodeReading =
  | { ok: true; code: string }
  | { ok: false; problem: 'never_used'; characters: string[]; message: string }
  | { ok: false; problem: 'shape'; message: string };

/**
 * Reads what a person typed as a join code: spaces and dashes dropped, any case, full-width and other-script
 * look-alikes read as their letters, and unambiguous look-alikes (`joinCodeLookAlikeReadings`) read as theirs.
 * A code holding characters that codes never use says which; any other wrong shape asks for the code again.
 */
export function readJoinCode(input: string): JoinCodeReading {
  const characters = [...input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()].map(
    (character) => OTHER_SCRIPT_LOOK_ALIKES[character] ?? character,
  );
  const read = characters.map((character) => READINGS[character] ?? character);
  const neverUsed = [...new Set(read.filter((character) => NEVER_USED.includes(character)))];
  if (neverUsed.length > 0)
    return { ok: false, problem: 'never_used', characters: neverUsed, message: neverUsedMessage(neverUsed) };
  const code = read.join('');
  if (!JOIN_CODE.test(code)) return { ok: false, problem: 'shape', message: JOIN_CODE_SHAPE_MESSAGE };
  return { ok: true, code };
}
