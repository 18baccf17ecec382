/**
 * Who sent a request, for rate limits and logs. Behind a reverse proxy every request comes from
 * the proxy's address, so the proxy's `X-Forwarded-For` is believed, but only when the
 * connection comes from an address in `TRUSTED_PROXIES`: from anyone else the header is a
 * claim anybody can make, and it is ignored. The chain is read from the right (each proxy
 * appends the address it saw), skipping trusted proxies; the first address that is not one is
 * the client.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** The proxies of `TRUSTED_PROXIES` (addresses and CIDR ranges, checked by config.ts). */
export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split('/') as [string, string | undefined];
    const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr, family);
    else list.addSubnet(addr, Number(bits), family);
  }
  return list;
}

/** An IPv4 address in IPv6 form (`::ffff:10.0.0.1`, how a dual-stack socket reports it) as IPv4. */
export function plainAddress(address: string): string {
  const m = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  return m ? (m[1] as string) : address;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The client's address: the socket's, or what trusted proxies say it is. */
export function clientAddress(req: IncomingMessage, proxies: BlockList | null): string {
  let address = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!proxies || !trusted(proxies, address)) return address;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => plainAddress(s.trim())).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] as string;
    // Not an address: nothing to the left of it can be believed; the last proxy is what we know.
    if (isIP(hop) === 0) return address;
    address = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return address;
}

/**
 * The key a rate limit counts under: an IPv4 address as it is, an IPv6 address by its /64
 * (one household or one machine gets a whole /64, so counting single addresses would let it
 * choose a fresh one for every attempt).
 */
export function rateKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (right.some((g) => g.includes('.')) || left.some((g) => g.includes('.'))) return address;
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
