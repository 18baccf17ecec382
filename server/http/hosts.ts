/**
 * Which names a request may give in its Host header. A page on another site whose name the
 * attacker points at this server (DNS rebinding) sends its own name as Host and as Origin, so
 * the websocket origin check alone lets it in; refusing names the server is not known by
 * closes that door, for HTTP and websockets alike.
 *
 * `ALLOWED_HOSTS` names them (`*` for any). Unset: the loopback names, plus the listen address
 * when it is a particular one; a server listening on every interface (0.0.0.0, ::) with no
 * list answers any name (main warns at start).
 */
import { isIP } from 'node:net';
import type { Config } from '../config.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The allowed names (lower case, optionally with :port), or null when any name is. */
export function allowedHosts(config: Pick<Config, 'allowedHosts' | 'host'>): string[] | null {
  if (config.allowedHosts.length > 0) return config.allowedHosts.includes('*') ? null : config.allowedHosts.map((h) => h.toLowerCase());
  const listen = config.host.toLowerCase();
  if (listen === '0.0.0.0' || listen === '::' || listen === '[::]') return null;
  const own = isIP(listen) === 6 ? `[${listen}]` : listen;
  return [...new Set([...LOOPBACK_NAMES, own])];
}

/** Splits a Host header into its name (lower case, brackets kept for IPv6) and port. */
function parseHost(header: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!m) return null;
  return { name: (m[1] as string).toLowerCase().replace(/\.$/, ''), port: m[2] ?? null };
}

/** May a request with this Host header be answered? */
export function hostAllowed(header: string | undefined, allowed: string[] | null): boolean {
  if (allowed === null) return true;
  if (!header) return false;
  const got = parseHost(header);
  if (!got) return false;
  return allowed.some((entry) => {
    const want = parseHost(entry);
    return want !== null && want.name === got.name && (want.port === null || want.port === got.port);
  });
}
