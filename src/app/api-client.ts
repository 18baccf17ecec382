/**
 * The browser's client of the workshop API (src/workshop/api.ts). Every failure becomes an
 * `ApiError` whose message is the server's `{ error }` text (or a plain network message), so
 * a page can show it as it is.
 */
import type {
  CreatedWorkshopResponse,
  CreateWorkshopRequest,
  ExportFormat,
  GroupLink,
  JoinResponse,
  ServerInfo,
  SnapshotSetView,
  TimerRequest,
  WorkshopView,
  ControlState,
} from '../workshop/api.js';
import { m } from './messages.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  /** Bearer token (facilitator or group). */
  token?: string | undefined;
  fetch?: FetchLike;
  /** Prefix for the API paths (default: this origin). */
  base?: string;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

export class WorkshopApi {
  readonly token: string | undefined;
  /**
   * Server clock minus this device's clock (ms), from the last response's Date header; 0 until
   * known, and 0 when within 2 s (the header has one-second resolution). The workshop timer's
   * end time is the server's, so a device whose clock is off still counts down right.
   */
  clockOffset = 0;
  readonly #fetch: FetchLike;
  readonly #base: string;

  constructor(opts: ApiOptions = {}) {
    this.token = opts.token;
    this.#fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#base = opts.base ?? '';
  }

  /** The same API with another token. */
  withToken(token: string): WorkshopApi {
    return new WorkshopApi({ token, fetch: this.#fetch, base: this.#base });
  }

  async #request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.#fetch(this.#base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, m('common.networkError'));
    }
    const date = Date.parse(res.headers.get('date') ?? '');
    if (Number.isFinite(date)) {
      const offset = date + 500 - Date.now();
      this.clockOffset = Math.abs(offset) > 2000 ? offset : 0;
    }
    if (!res.ok) throw new ApiError(res.status, await errorText(res));
    return res;
  }

  async #json<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
    const res = await this.#request(method, path, body, extra);
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError(res.status, m('common.error', { message: 'invalid JSON' }));
    }
  }

  #w(id: string): string {
    return `/api/workshops/${encodeURIComponent(id)}`;
  }

  /** A JSON call under the workshop's path (the facilitator's lead, named in ./lead-api.ts). */
  call<T>(method: string, id: string, path: string, body?: unknown): Promise<T> {
    return this.#json(method, this.#w(id) + path, body);
  }

  /** What the server says of itself: among others, whether creating needs the organiser key. */
  info(): Promise<ServerInfo> {
    return this.#json('GET', '/api/info');
  }

  /** Creates a workshop; `organiserKey` is sent when given (the server says when it needs one). */
  create(req: CreateWorkshopRequest, organiserKey?: string): Promise<CreatedWorkshopResponse> {
    return this.#json('POST', '/api/workshops', req, organiserKey ? { 'x-organiser-key': organiserKey } : {});
  }

  /** A personal token for the caller's own group, for a participant who came by the group's shared link. */
  personalToken(id: string): Promise<JoinResponse> {
    return this.#json('POST', `${this.#w(id)}/tokens`);
  }

  join(code: string): Promise<JoinResponse> {
    return this.#json('POST', '/api/join', { code });
  }

  workshop(id: string): Promise<WorkshopView> {
    return this.#json('GET', this.#w(id));
  }

  deleteWorkshop(id: string): Promise<{ deleted: true }> {
    return this.#json('DELETE', this.#w(id));
  }

  lock(id: string, locked: boolean): Promise<WorkshopView> {
    return this.#json('POST', `${this.#w(id)}/lock`, { locked });
  }

  crossView(id: string, enabled: boolean): Promise<WorkshopView> {
    return this.#json('POST', `${this.#w(id)}/cross-view`, { enabled });
  }

  timer(id: string, req: TimerRequest): Promise<ControlState['timer']> {
    return this.#json('POST', `${this.#w(id)}/timer`, req);
  }

  message(id: string, text: string): Promise<ControlState['message']> {
    return this.#json('POST', `${this.#w(id)}/message`, { text });
  }

  move(id: string, clientId: number, toGroup: number): Promise<{ ok: true }> {
    return this.#json('POST', `${this.#w(id)}/moves`, { clientId, toGroup });
  }

  acceptMove(id: string, clientId: number): Promise<JoinResponse> {
    return this.#json('POST', `${this.#w(id)}/moves/accept`, { clientId });
  }

  takeSnapshot(id: string, name: string): Promise<SnapshotSetView> {
    return this.#json('POST', `${this.#w(id)}/snapshots`, { name });
  }

  snapshots(id: string): Promise<SnapshotSetView[]> {
    return this.#json('GET', `${this.#w(id)}/snapshots`);
  }

  async snapshotBoard(id: string, set: string, group: number): Promise<Uint8Array> {
    const res = await this.#request('GET', `${this.#w(id)}/snapshots/${encodeURIComponent(set)}/groups/${group}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  async liveBoard(id: string, group: number): Promise<Uint8Array> {
    const res = await this.#request('GET', `${this.#w(id)}/boards/${group}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  restore(id: string, set: string, group: number): Promise<GroupLink> {
    return this.#json('POST', `${this.#w(id)}/snapshots/${encodeURIComponent(set)}/restore`, { group });
  }

  exportUrl(id: string, format: ExportFormat, opts: { snapshot?: string | undefined; group?: number | undefined } = {}): string {
    const q = new URLSearchParams({ format });
    if (opts.snapshot) q.set('snapshot', opts.snapshot);
    if (opts.group !== undefined) q.set('group', String(opts.group));
    return `${this.#w(id)}/export?${q}`;
  }

  /**
   * A long export (the workshop PDF) as a server job: started, polled for `done / total`
   * (reported to `onProgress`), then fetched as a file.
   */
  async downloadWithProgress(
    id: string,
    format: ExportFormat,
    opts: { snapshot?: string | undefined; group?: number | undefined },
    onProgress: (done: number, total: number) => void,
    fallbackName = `kaedeboard.${format}`,
    pollMs = 400,
  ): Promise<DownloadedFile> {
    const body: Record<string, unknown> = { format };
    if (opts.snapshot) body.snapshot = opts.snapshot;
    if (opts.group !== undefined) body.group = opts.group;
    const { job } = await this.#json<{ job: string }>('POST', `${this.#w(id)}/exports`, body);
    const path = `${this.#w(id)}/exports/${encodeURIComponent(job)}`;
    for (;;) {
      const s = await this.#json<{ state: 'running' | 'done' | 'failed'; done: number; total: number; error?: string }>('GET', path);
      onProgress(s.done, s.total);
      if (s.state === 'failed') throw new ApiError(500, s.error ?? 'the export failed');
      if (s.state === 'done') break;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    const res = await this.#request('GET', `${path}/file`);
    return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition')) ?? fallbackName };
  }

  /** Fetches an export as a file (with the Authorization header, so not a plain link). */
  async download(id: string, format: ExportFormat, opts: { snapshot?: string | undefined; group?: number | undefined } = {}, fallbackName = `kaedeboard.${format}`): Promise<DownloadedFile> {
    const res = await this.#request('GET', this.exportUrl(id, format, opts));
    const blob = await res.blob();
    return { blob, filename: filenameFrom(res.headers.get('content-disposition')) ?? fallbackName };
  }
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as unknown;
    if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
      const e = (body as { error: string }).error.trim().slice(0, 300);
      if (e) return e;
    }
  } catch {
    /* not JSON */
  }
  return `HTTP ${res.status}`;
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  let name: string | null = null;
  if (star) {
    try {
      name = decodeURIComponent(star[1]!.trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
    name = plain ? plain[1]!.trim() : null;
  }
  if (!name) return null;
  // Never a path: only the last segment, no control characters.
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, '').slice(0, 120);
  return name || null;
}

/** A friendly text for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return m('common.error', { message: err.message });
  return m('common.error', { message: String(err) });
}
