/**
 * The board work of the Miro app, run by the headless part (index.html, which Miro keeps
 * running while the board is open) so that it goes on when the panel closes: placing widgets,
 * placing a workshop group's board, sending frames to the plenum, removing what an interrupted
 * placing left. The panel sends {@link Command}s; tasks run one after another (a click while one
 * runs waits its turn), and every step is told back to the panel ({@link HostEvent}) and the
 * outcome also shown as a Miro notification, which the facilitator sees with the panel closed.
 */
import * as Y from 'yjs';
import type { Locale } from '../i18n/index.js';
import { Board } from '../model/index.js';
import { describeFailure, executePlan, reasonOf } from './execute.js';
import type { ExecuteOptions } from './execute.js';
import { CREDIT_COST, CreditLimiter } from './limiter.js';
import { META_KEY, META_VERSION, toJson } from './metadata.js';
import type { FrameMeta } from './metadata.js';
import { m, notice } from './messages.js';
import { frameSize, isMiroWidget, miroMapping, planWidget, widgetName } from './place.js';
import type { Plan } from './place.js';
import { parseCommand } from './protocol.js';
import type { Channel, Command, HostEvent, LeftFrame, WorkshopRef } from './protocol.js';
import { appFrames, buildBoard, encodeBoard, fetchGroupBoard, mapFrame, mappedCount, readFrame, SendError, sendToPlenum } from './readback.js';
import type { Mapped } from './readback.js';
import type { BoardPort, ReadItem } from './sdk.js';
import { emptySpot } from './space.js';

export interface HostOptions {
  board: BoardPort;
  channel: Channel;
  /** The session of the panel this host answers (see protocol.ts). */
  session: string;
  limiter?: CreditLimiter;
  fetchFn?: typeof fetch;
}

type Task = Exclude<Command, { type: 'hello' | 'stop' }>;

/** The outcome of sending one frame. */
type SendOutcome = { ok: true; created: boolean; number: number; name: string; mapped: Mapped } | { ok: false; text: string };

const itemList = (mapped: Mapped): string => mapped.unplaced.map((u) => `«${u.text.length > 30 ? `${u.text.slice(0, 29)}…` : u.text}»`).join(', ');

export class MiroHost {
  readonly board: BoardPort;
  readonly limiter: CreditLimiter;
  readonly #channel: Channel;
  readonly #session: string;
  readonly #fetch: typeof fetch;
  readonly #queue: Task[] = [];
  #running = false;
  #stop = false;
  #status = '';
  #left: LeftFrame[] = [];
  readonly #told = new Set<string>();
  #idle: Promise<void> = Promise.resolve();
  #settle: (() => void) | undefined;
  /** The language of the last command (for messages with no command behind them). */
  locale: Locale = 'da';

  constructor(options: HostOptions) {
    this.board = options.board;
    this.limiter = options.limiter ?? new CreditLimiter();
    this.#channel = options.channel;
    this.#session = options.session;
    this.#fetch = options.fetchFn ?? ((input, init) => fetch(input, init));
  }

  /** Starts listening to the panel. */
  start(): this {
    this.#channel.listen((data) => {
      const command = parseCommand(data, this.#session);
      if (command !== null) this.receive(command);
    });
    return this;
  }

  /** Resolves once no task runs or waits (tests). */
  idle(): Promise<void> {
    return this.#idle;
  }

  receive(command: Command): void {
    if ('locale' in command && command.locale !== undefined) this.locale = command.locale;
    if (command.type === 'hello') {
      void this.#hello();
      return;
    }
    if (command.type === 'stop') {
      if (this.#running) this.#stop = true;
      this.#queue.length = 0;
      this.#state();
      return;
    }
    this.#queue.push(command);
    if (this.#running) {
      this.#state();
      return;
    }
    void this.#drain();
  }

  #emit(msg: HostEvent): void {
    this.#channel.post({ session: this.#session, msg });
  }

  #state(): void {
    this.#emit({ type: 'state', busy: this.#running, waiting: this.#queue.length, status: this.#status, left: this.#left });
  }

  #progress(text: string, locale: Locale): void {
    this.#status = this.#queue.length > 0 ? `${text} ${m('progress.waiting', { count: this.#queue.length }, locale)}` : text;
    this.#emit({ type: 'progress', text: this.#status });
  }

  #done(text: string): void {
    this.#status = text;
    this.#emit({ type: 'done', text });
  }

  #failed(text: string): void {
    this.#status = '';
    this.#emit({ type: 'failed', text });
  }

  /** A Miro notification; one that fails (too many calls, an old SDK) never fails the task. */
  async #notify(kind: 'info' | 'error', text: string): Promise<void> {
    try {
      await this.limiter.take(CREDIT_COST.item);
      await (kind === 'info' ? this.board.notifications.showInfo(notice(text)) : this.board.notifications.showError(notice(text)));
    } catch {
      // The panel shows the same outcome.
    }
  }

  async #hello(): Promise<void> {
    this.#state();
    if (this.#running) return;
    try {
      const frames = await appFrames(this.board, this.limiter);
      this.#left = frames.filter((f) => f.meta.placing === true).map((f) => ({ id: f.frame.id, title: f.frame.title ?? '' }));
    } catch {
      return;
    }
    const fresh = this.#left.filter((l) => !this.#told.has(l.id));
    for (const l of fresh) this.#told.add(l.id);
    if (fresh.length > 0) await this.#notify('error', m('note.left', { count: this.#left.length }, this.locale));
    this.#state();
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#idle = new Promise((resolve) => {
      this.#settle = resolve;
    });
    try {
      for (let task = this.#queue.shift(); task !== undefined; task = this.#queue.shift()) {
        this.#stop = false;
        this.#state();
        try {
          await this.#run(task);
        } catch (error) {
          this.#failed(reasonOf(error));
        }
      }
    } finally {
      this.#running = false;
      this.#stop = false;
      this.#state();
      this.#settle?.();
    }
  }

  #run(task: Task): Promise<void> {
    switch (task.type) {
      case 'place':
        return this.#place(task);
      case 'place-group':
        return this.#placeGroup(task);
      case 'send':
        return this.#sendOne(task);
      case 'send-all':
        return this.#sendAll(task);
      case 'remove-frame':
        return this.#removeFrame(task);
    }
  }

  /** Runs a plan with progress; tells the outcome; returns whether it is on the board. */
  async #execute(plan: Plan, locale: Locale, frameMeta?: ExecuteOptions['frameMeta']): Promise<{ ok: boolean; frameId?: string }> {
    const name = plan.title;
    const result = await executePlan(plan, this.board, {
      limiter: this.limiter,
      onProgress: (done, total) => this.#progress(m('progress.creating', { name, done, total }, locale), locale),
      onRollback: () => this.#progress(m('progress.rollingBack', {}, locale), locale),
      shouldStop: () => this.#stop,
      ...(frameMeta === undefined ? {} : { frameMeta }),
    });
    if (!result.ok) {
      this.#failed(describeFailure(result, locale));
      await this.#notify('error', m('note.failed', {}, locale));
      return { ok: false };
    }
    try {
      await this.limiter.take(CREDIT_COST.item);
      await this.board.viewport.zoomTo(result.frame);
    } catch {
      // The frame is placed; not seeing it at once is no failure.
    }
    this.#done(m('progress.done', { name, total: result.total }, locale));
    await this.#notify('info', m('note.placed', { name }, locale));
    return { ok: true, frameId: result.frame.id };
  }

  async #place(task: Extract<Task, { type: 'place' }>): Promise<void> {
    const { locale, widget } = task;
    const name = widgetName(widget, locale);
    let at = task.at;
    if (at === undefined) {
      this.#progress(m('progress.finding', { name }, locale), locale);
      at = await emptySpot(this.board, this.limiter, frameSize(widget));
    }
    this.#progress(m('progress.planning', { name }, locale), locale);
    await this.#execute(planWidget(widget, at, { locale }), locale);
  }

  /** A group's kaedeboard board into Miro: each widget the app knows as a frame with its content. */
  async #placeGroup(task: Extract<Task, { type: 'place-group' }>): Promise<void> {
    const { locale, group } = task;
    this.#progress(m('group.fetching', { group }, locale), locale);
    let fetched: { name: string; update: Uint8Array };
    try {
      fetched = await fetchGroupBoard(task, this.#fetch);
    } catch (error) {
      this.#failed(this.#sendError(error, locale));
      return;
    }
    const doc = new Y.Doc();
    const placed: string[] = [];
    try {
      Y.applyUpdate(doc, fetched.update);
      const board = new Board(doc);
      const widgets = board.read().items.flatMap((i) => (i.kind === 'widget' && isMiroWidget(i.props.widget) ? [{ id: i.id, type: i.props.widget }] : []));
      const plans = widgets.map((w) => ({ ...w, content: miroMapping(w.type).contentOf(board, w.id) }));
      board.destroy();
      if (plans.length === 0) {
        this.#failed(m('group.empty', { group }, locale));
        return;
      }
      for (const w of plans) {
        if (this.#stop) break;
        const title = `${widgetName(w.type, locale)} – ${fetched.name}`;
        this.#progress(m('progress.finding', { name: title }, locale), locale);
        const at = await emptySpot(this.board, this.limiter, frameSize(w.type));
        const result = await this.#execute(planWidget(w.type, at, { locale, ...w.content }, title), locale, { workshop: task.workshopId, group });
        if (!result.ok) return;
        if (result.frameId !== undefined) placed.push(result.frameId);
      }
    } finally {
      doc.destroy();
    }
    if (placed.length > 0) this.#done(m('group.done', { group, name: fetched.name, count: placed.length }, locale));
  }

  #sendError(error: unknown, locale: Locale): string {
    return error instanceof SendError ? m('send.http', { status: error.status, reason: error.reason }, locale) : m('send.network', { reason: reasonOf(error) }, locale);
  }

  /** Reads, maps and sends frame `frameId`; on success the frame remembers the group. */
  async #send(frameId: string, name: string, locale: Locale, workshop: WorkshopRef): Promise<SendOutcome> {
    const read = await readFrame(this.board, this.limiter, frameId);
    if (read === null) return { ok: false, text: m('send.noFrame', {}, locale) };
    const mapped = mapFrame(read);
    if (mapped === null) return { ok: false, text: m('send.unknownFrame', { title: read.frame.title }, locale) };
    const groupName = (name.trim() || read.frame.title.trim() || widgetName(mapped.widget, locale)).slice(0, 200);
    const doc = buildBoard(mapped, groupName);
    const encoded = encodeBoard(doc);
    doc.destroy();
    this.#progress(m('send.sending', { widget: widgetName(mapped.widget, locale), count: mappedCount(mapped) }, locale), locale);
    const prior = read.meta?.workshop === workshop.workshopId.trim() ? read.meta.group : undefined;
    let sent;
    try {
      sent = await sendToPlenum({ ...workshop, name: groupName, board: encoded, ...(prior === undefined ? {} : { group: prior }) }, this.#fetch);
    } catch (error) {
      return { ok: false, text: this.#sendError(error, locale) };
    }
    const { placing: _placing, ...kept } = read.meta ?? { v: META_VERSION, widget: mapped.widget, key: 'frame' as const, locale };
    const meta: FrameMeta = { ...kept, workshop: workshop.workshopId.trim(), group: sent.number };
    try {
      await this.#tag(frameId, meta);
    } catch {
      // Sent all the same; only a later send makes a new group instead of updating this one.
    }
    return { ok: true, created: sent.created, number: sent.number, name: sent.name, mapped };
  }

  async #tag(frameId: string, meta: FrameMeta): Promise<void> {
    await this.limiter.take(CREDIT_COST.item);
    const frame = await this.board.getById(frameId);
    await this.limiter.take(CREDIT_COST.item);
    await frame.setMetadata?.(META_KEY, toJson(meta));
  }

  async #sendOne(task: Extract<Task, { type: 'send' }>): Promise<void> {
    const { locale } = task;
    this.#progress(m('send.reading', {}, locale), locale);
    const out = await this.#send(task.frameId, task.name, locale, task);
    if (!out.ok) {
      this.#failed(out.text);
      await this.#notify('error', m('note.sendFailed', {}, locale));
      return;
    }
    const first = m(out.created ? 'send.done' : 'send.updated', { number: out.number, name: out.name }, locale);
    const rest = out.mapped.unplaced.length > 0 ? ` ${m('send.unplaced', { count: out.mapped.unplaced.length, items: itemList(out.mapped) }, locale)}` : '';
    this.#done(`${first}${rest}`);
    await this.#notify('info', m(out.created ? 'note.sent' : 'note.updated', { number: out.number }, locale));
  }

  async #sendAll(task: Extract<Task, { type: 'send-all' }>): Promise<void> {
    const { locale } = task;
    this.#progress(m('send.reading', {}, locale), locale);
    const frames = (await appFrames(this.board, this.limiter)).filter((f) => f.meta.placing !== true);
    const mine = frames.filter((f) => f.meta.workshop === undefined || f.meta.workshop === task.workshopId.trim());
    const other = frames.length - mine.length;
    if (mine.length === 0) {
      this.#failed([m('send.allNone', {}, locale), other > 0 ? m('send.allOther', { count: other }, locale) : ''].join(' ').trim());
      return;
    }
    let created = 0;
    let updated = 0;
    const problems: string[] = [];
    for (const [i, f] of mine.entries()) {
      if (this.#stop) break;
      const title = f.frame.title ?? '';
      this.#progress(m('send.allProgress', { done: i + 1, total: mine.length, title }, locale), locale);
      const out = await this.#send(f.frame.id, '', locale, task);
      if (!out.ok) problems.push(m('send.allFailed', { title, reason: out.text }, locale));
      else if (out.created) created++;
      else updated++;
    }
    const parts = [m('send.allDone', { sent: created + updated, created, updated }, locale), ...(other > 0 ? [m('send.allOther', { count: other }, locale)] : []), ...problems];
    if (problems.length > 0 && created + updated === 0) this.#failed(parts.join(' '));
    else this.#done(parts.join(' '));
    await this.#notify(problems.length > 0 ? 'error' : 'info', m('send.allDone', { sent: created + updated, created, updated }, locale));
  }

  /** Removes a frame with everything in it (grouped items too), children first. */
  async #removeFrame(task: Extract<Task, { type: 'remove-frame' }>): Promise<void> {
    const { locale } = task;
    let frame: ReadItem;
    try {
      await this.limiter.take(CREDIT_COST.item);
      frame = await this.board.getById(task.frameId);
    } catch {
      frame = { id: task.frameId, type: 'none' };
    }
    if (frame.type !== 'frame') {
      this.#left = this.#left.filter((l) => l.id !== task.frameId);
      this.#failed(m('left.gone', {}, locale));
      return;
    }
    const ids = frame.childrenIds ?? [];
    let children: ReadItem[] = [];
    if (ids.length > 0) {
      await this.limiter.take(CREDIT_COST.item);
      children = await this.board.get({ id: ids });
    }
    const members = children.flatMap((c) => (c.type === 'group' ? (c.itemsIds ?? []) : []));
    let count = 0;
    for (const ref of [...members.map((id) => ({ id, type: 'item' })), ...children.filter((c) => c.type !== 'group'), frame]) {
      await this.limiter.take(CREDIT_COST.item);
      await this.board.remove(ref);
      if (ref !== frame) count++;
    }
    this.#left = this.#left.filter((l) => l.id !== task.frameId);
    this.#done(m('left.removed', { title: frame.title ?? '', count }, locale));
  }
}
