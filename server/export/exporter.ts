/**
 * Exports over HTTP. `GET …/export?format=F[&snapshot=S][&group=N]` answers with the file;
 * for long exports (the workshop PDF) `POST …/exports` starts a job whose progress can be
 * polled (`GET …/exports/:job`) and whose file is fetched when done (`…/exports/:job/file`).
 * Jobs live in memory for ten minutes.
 */
import type { ExportFormat } from '../../src/workshop/api.js';
import {
  boardPng,
  boardSvg,
  EXPORT_CONTENT_TYPES,
  exportCsv,
  exportFilename,
  exportJson,
  exportMarkdown,
  PER_GROUP_FORMATS,
  profileDocx,
  slug,
  synthesisDocx,
  workshopPdf,
  type ExportVote,
  type WorkshopInput,
} from './index.js';
import { rankVote } from '../../src/workshop/vote-api.js';
import { sm } from '../../src/workshop/synthesis-messages.js';
import { HttpError } from '../http/errors.js';
import type { FileReply } from '../http/router.js';
import type { WorkshopStore } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { newId } from '../workshop/tokens.js';
import type { Workshop } from '../workshop/types.js';

export const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'md', 'pdf', 'svg', 'png', 'docx'];

export interface ExportRequest {
  format: ExportFormat;
  snapshot?: string;
  group?: number;
}

interface Job {
  workshopId: string;
  done: number;
  total: number;
  state: 'running' | 'done' | 'failed';
  error?: string;
  file?: FileReply;
  expires: number;
}

const JOB_TTL_MS = 10 * 60_000;

export class Exporter {
  readonly #jobs = new Map<string, Job>();

  constructor(readonly workshops: WorkshopStore, readonly rooms: Rooms) {}

  /** Parses `format`, `snapshot`, `group` from query parameters or a body. */
  static request(get: (k: string) => unknown): ExportRequest {
    const format = get('format');
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `format must be one of ${FORMATS.join(', ')}`);
    const req: ExportRequest = { format: format as ExportFormat };
    const snapshot = get('snapshot');
    if (snapshot !== undefined && snapshot !== null && snapshot !== '') {
      if (typeof snapshot !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(snapshot)) throw new HttpError(400, 'snapshot must be a snapshot set id');
      req.snapshot = snapshot;
    }
    const group = get('group');
    if (group !== undefined && group !== null && group !== '') {
      const n = Number(group);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new HttpError(400, 'group must be a group number');
      req.group = n;
    }
    if (PER_GROUP_FORMATS.includes(req.format) && req.group === undefined) throw new HttpError(400, `format ${req.format} shows one group: give group=N`);
    return req;
  }

  /** The workshop's boards as the export reads them: a snapshot set's copies or the live boards. */
  async input(w: Workshop, snapshot?: string): Promise<WorkshopInput> {
    let groups: WorkshopInput['groups'];
    let snapshotName: string | undefined;
    if (snapshot) {
      const set = (await this.workshops.listSnapshotSets(w.id)).find((s) => s.id === snapshot);
      if (!set) throw new HttpError(404, 'no such snapshot');
      snapshotName = set.name;
      groups = [];
      for (const n of set.groups) {
        groups.push({ number: n, name: w.groups.find((g) => g.number === n)?.name ?? `${n}`, state: (await this.workshops.snapshot(w.id, snapshot, n)) as Uint8Array });
      }
    } else {
      // Every board at one moment (one store read when several instances write).
      const states = await this.rooms.states(w.groups.map((g) => g.room));
      groups = w.groups.map((g) => ({ number: g.number, name: g.name, state: states.get(g.room) as Uint8Array }));
    }
    return { id: w.id, title: w.title, parts: w.parts, locale: w.locale, createdAt: w.createdAt, groups, ...(snapshotName ? { snapshotName } : {}), votes: await this.votes(w.id) };
  }

  /** The workshop's votes with their results as the plenum shows them (counts only). */
  async votes(workshopId: string): Promise<ExportVote[]> {
    const store = this.workshops.votes;
    const out: ExportVote[] = [];
    for (const v of await store.list(workshopId)) {
      const counts = await store.counts(v.id);
      out.push({
        title: v.title,
        source: v.source,
        dots: v.dots,
        state: v.closedAt === null ? 'open' : 'closed',
        hidden: v.hidden,
        revealed: v.revealedAt !== null,
        createdAt: v.createdAt,
        closedAt: v.closedAt,
        voters: counts?.voters ?? 0,
        cast: counts?.cast ?? 0,
        items: rankVote(v.items, counts?.totals ?? []),
      });
    }
    return out;
  }

  async file(w: Workshop, req: ExportRequest, onProgress?: (done: number, total: number) => void): Promise<FileReply> {
    const input = await this.input(w, req.snapshot);
    if (req.group !== undefined && !input.groups.some((g) => g.number === req.group)) throw new HttpError(404, `no group ${req.group} in this ${req.snapshot ? 'snapshot' : 'workshop'}`);
    const group = req.group as number;
    let body: Uint8Array | string;
    switch (req.format) {
      case 'json':
        body = JSON.stringify(exportJson(input), null, 2);
        break;
      case 'csv':
        // Excel takes its list separator from the system's language: ';' in Danish, ',' in English.
        body = exportCsv(input, { delimiter: input.locale === 'da' ? ';' : ',' });
        break;
      case 'md':
        body = exportMarkdown(input);
        break;
      case 'svg':
        body = boardSvg(input, group);
        break;
      case 'png':
        body = boardPng(boardSvg(input, group));
        break;
      case 'pdf':
        body = await workshopPdf(input, onProgress);
        break;
      case 'docx':
        body = req.group === undefined ? await synthesisDocx(input) : await profileDocx(input, group);
        break;
    }
    let filename = exportFilename(input, req.format, req.group);
    if (req.format === 'docx' && req.group === undefined) filename = filename.replace(/\.docx$/, `-${slug(sm('synthesis', {}, input.locale), 30)}.docx`);
    return { kind: 'file', contentType: EXPORT_CONTENT_TYPES[req.format], body, filename };
  }

  /** Starts an export in the background; returns the job id. */
  async start(w: Workshop, req: ExportRequest): Promise<string> {
    this.#sweep();
    // Validate first (bad requests fail the POST), then run.
    await this.input(w, req.snapshot);
    const id = newId();
    const job: Job = { workshopId: w.id, done: 0, total: 1, state: 'running', expires: Date.now() + JOB_TTL_MS };
    this.#jobs.set(id, job);
    void this.file(w, req, (done, total) => Object.assign(job, { done, total })).then(
      (file) => Object.assign(job, { state: 'done', file, done: job.total }),
      (err: unknown) => Object.assign(job, { state: 'failed', error: err instanceof HttpError ? err.message : 'the export failed' }),
    );
    return id;
  }

  job(workshopId: string, id: string): Job {
    const job = this.#jobs.get(id);
    if (!job || job.workshopId !== workshopId) throw new HttpError(404, 'no such export');
    return job;
  }

  #sweep(now = Date.now()): void {
    for (const [id, job] of this.#jobs) if (job.expires < now) this.#jobs.delete(id);
  }
}
