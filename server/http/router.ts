/**
 * A small router for the JSON API: `METHOD /api/path/:param` patterns, request bodies read
 * with a size bound and parsed as JSON, answers as JSON or as a file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

export interface FileReply {
  kind: 'file';
  status?: number;
  contentType: string;
  body: Uint8Array | string;
  filename?: string;
}

export interface JsonReply {
  kind: 'json';
  status: number;
  body: unknown;
}

export type Reply = FileReply | JsonReply | unknown;

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  /** The request body as JSON (`unknown`: validate it), at most `limit` bytes. */
  json(limit?: number): Promise<unknown>;
  /** The bearer token of the Authorization header, if any. */
  token(): string | null;
  /** The client's address (for rate limits): the socket's, or a trusted proxy's X-Forwarded-For. */
  ip(): string;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;

export interface RouterOptions {
  /** Who sent a request (see client-address.ts); the socket's address by default. */
  clientAddress?: (req: IncomingMessage) => string;
}

export class Router {
  readonly #routes: Route[] = [];
  readonly #clientAddress: (req: IncomingMessage) => string;

  constructor(opts: RouterOptions = {}) {
    this.#clientAddress = opts.clientAddress ?? ((req) => req.socket.remoteAddress ?? 'unknown');
  }

  on(method: string, pattern: string, handler: Handler): this {
    this.#routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Answers the request if a route matches its path; false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const segs = url.pathname.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = match(route.parts, segs);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      const reply = await route.handler(context(req, url, params, this.#clientAddress));
      send(res, reply);
      return true;
    }
    if (pathMatched) throw new HttpError(405, `method ${req.method} not allowed on ${url.pathname}`);
    return false;
  }
}

function match(parts: string[], segs: string[]): Record<string, string> | null {
  if (parts.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const s = segs[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(s);
      } catch {
        return null;
      }
    } else if (p !== s) return null;
  }
  return params;
}

function context(req: IncomingMessage, url: URL, params: Record<string, string>, clientAddress: (req: IncomingMessage) => string): RequestContext {
  return {
    req,
    url,
    params,
    json: (limit = DEFAULT_BODY_LIMIT) => readJson(req, limit),
    token() {
      const h = req.headers.authorization;
      const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h) : null;
      return m ? (m[1] as string) : null;
    },
    ip: () => clientAddress(req),
  };
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body too large (limit ${limit} bytes)`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body too large (limit ${limit} bytes)`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function send(res: ServerResponse, reply: Reply): void {
  if (isFile(reply)) {
    const headers: Record<string, string | number> = { ...NO_STORE, 'content-type': reply.contentType };
    if (reply.filename) headers['content-disposition'] = `attachment; filename="${reply.filename.replace(/[^\w.-]/g, '_')}"`;
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
    headers['content-length'] = body.length;
    res.writeHead(reply.status ?? 200, headers);
    res.end(body);
    return;
  }
  const json = isJson(reply) ? reply : { kind: 'json', status: 200, body: reply };
  const text = JSON.stringify(json.body ?? null);
  res.writeHead(json.status, { ...NO_STORE, 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

function isFile(r: Reply): r is FileReply {
  return typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'file';
}

function isJson(r: Reply): r is JsonReply {
  return typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'json';
}

export function created(body: unknown): JsonReply {
  return { kind: 'json', status: 201, body };
}
