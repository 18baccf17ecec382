/**
 * HTTP: the built app from the static folder, a JSON API under /api, /healthz and /metrics.
 * Static paths are resolved inside the folder only (no `..`, no absolute paths, no dotfiles).
 * A request naming a host the server is not known by is refused (421, see hosts.ts), except
 * /healthz and /metrics, which probes and scrapers ask by address.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Config } from '../config.js';
import { HttpError } from './errors.js';
import { allowedHosts, hostAllowed } from './hosts.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import type { Router } from './router.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The Miro app's pages (/miro/…) run inside Miro's iframe and load Miro's Web SDK, so they
 * allow exactly that and nothing more.
 */
const MIRO_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' https://miro.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors https://miro.com https://*.miro.com",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export { HttpError };

export interface HttpDeps {
  config: Config;
  metrics: Metrics;
  log: Logger;
  /** The JSON API under /api. */
  api: Router;
  health: () => { ok: boolean; [k: string]: unknown };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

export function createRequestHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const hosts = allowedHosts(deps.config);
  return (req, res) => {
    handle(deps, hosts, req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        if (err.status === 401 || err.status === 403 || err.status === 421) deps.log.warn('http.refused', { status: err.status, method: req.method, path: new URL(req.url ?? '/', 'http://localhost').pathname, reason: err.message });
        if (!res.headersSent) return sendJson(res, err.status, { error: err.message });
        return void res.destroy();
      }
      deps.log.error('http.internal-error', { url: req.url, error: String(err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
}

async function handle(deps: HttpDeps, hosts: string[] | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path !== '/healthz' && path !== '/metrics' && !hostAllowed(req.headers.host, hosts)) {
    throw new HttpError(421, `this server does not answer to the name ${JSON.stringify((req.headers.host ?? '').slice(0, 100))} (ALLOWED_HOSTS)`);
  }
  if (path === '/healthz') {
    const h = deps.health();
    return sendJson(res, h.ok ? 200 : 503, h);
  }
  if (path === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
    res.end(deps.metrics.render());
    return;
  }
  if (path === '/api' || path.startsWith('/api/')) {
    if (!(await deps.api.handle(req, res, url))) throw new HttpError(404, `no such API route: ${req.method} ${path}`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
  // The Miro app's App URL given without its trailing slash: redirect, so that the page's
  // relative URLs resolve under /miro/ (served as index.html, they would resolve under /).
  if (path === '/miro') {
    res.writeHead(308, { location: `/miro/${url.search}`, 'cache-control': 'no-cache', ...MIRO_HEADERS });
    return void res.end();
  }
  serveStatic(deps.config.staticDir, path, req, res);
}

function serveStatic(root: string, path: string, req: IncomingMessage, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(path);
  } catch {
    throw new HttpError(400, 'bad path');
  }
  if (rel.includes('\0') || rel.split('/').some((seg) => seg.startsWith('.'))) throw new HttpError(404, 'not found');
  // Pages without an extension are the single-page app; its router reads the path. The Miro
  // app has its own pages under /miro/.
  if (rel === '/miro/') rel = '/miro/index.html';
  else if (rel === '/' || extname(rel) === '') rel = '/index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root + sep)) throw new HttpError(404, 'not found');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new HttpError(404, 'not found');
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const immutable = /\/chunk-|\.[A-Z0-9]{8}\./.test(file);
  res.writeHead(200, {
    'content-type': type,
    'content-length': size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(rel.startsWith('/miro/') ? MIRO_HEADERS : SECURITY_HEADERS),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
