const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh id for a command (and the card it adds). The server applies a retried id only once,
 * so an id must never be reused for a different command.
 */
export function makeCommandId(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  let id = '';
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps every character equally likely.
  for (const byte of bytes) if (byte < 252) id += ALPHABET[byte % ALPHABET.length];
  return id.length >= 12 ? id : makeCommandId(random);
}
