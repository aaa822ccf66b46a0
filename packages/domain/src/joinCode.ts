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
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return JOIN_CODE.test(code) ? code : null;
}
