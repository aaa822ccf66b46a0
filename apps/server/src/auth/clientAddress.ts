import { isIP } from 'node:net';

/**
 * Which proxies in front of the app may name the client in X-Forwarded-For (TRUST_PROXY): a number of hops, or the
 * proxies' own addresses. Null (the default) ignores the header: anyone could write it to escape the rate limits.
 */
export type TrustProxy = { hops: number } | { proxies: string[] } | null;

const HELP =
  'TRUST_PROXY must be the number of proxies in front of the app (such as 1) or a comma-separated list of their addresses';

/** Reads TRUST_PROXY: unset, empty or 0 trusts no proxy. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0') return null;
  if (/^\d+$/.test(value)) {
    const hops = Number.parseInt(value, 10);
    if (hops > 10) throw new Error(`${HELP}, not "${raw}"`);
    return { hops };
  }
  const proxies = value.split(',').map((entry) => plainAddress(entry.trim()));
  if (proxies.some((entry) => isIP(entry) === 0)) throw new Error(`${HELP}, not "${raw}"`);
  return { proxies };
}

/**
 * The client's address for rate limits. With `hops: n`, each of the n proxies appends the address it was reached
 * from, so the client is the n-th address from the right of [...X-Forwarded-For, peer] (the peer counting as 0).
 * With `proxies`, the header is read only when the peer is one of them, walking left past the other listed proxies.
 */
export function clientAddressFrom(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const connected = plainAddress(peer);
  if (!trust || !forwardedFor) return connected;
  const chain = [
    ...forwardedFor
      .split(',')
      .map((entry) => plainAddress(entry.trim()))
      .filter((entry) => entry.length > 0),
    connected,
  ];
  let index: number;
  if ('hops' in trust) index = Math.max(0, chain.length - 1 - trust.hops);
  else {
    index = chain.length - 1;
    while (index > 0 && trust.proxies.includes(chain[index] as string)) index -= 1;
  }
  const client = chain[index] as string;
  // Our own proxy writes an address; anything else was written by the client and is not believed.
  return isIP(client) === 0 ? connected : client;
}

/** The address without IPv6's IPv4-mapped prefix, so 127.0.0.1 is one key however it connected. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
