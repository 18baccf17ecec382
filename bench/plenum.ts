/**
 * Plenum benchmark: the summing-up and the vote at workshop scale.
 *
 * 1. The synthesis (src/workshop/synthesis.ts) of 30 groups with full boards, against the peer:
 *    the plain per-board read every export and the plenum already did (each board read, each
 *    widget read by its kind, nothing gathered). Aim: the synthesis within 100 ms.
 * 2. A vote of 150 participants who each move their dots for 30 s (a whole ballot sent about
 *    once a second, over HTTP with keep-alive, against the built server in a child process):
 *    the time from sending a dot to the plenum holding a total that includes it. Ours is the
 *    plenum's long poll (`GET …/totals?after=V`, answered when a ballot lands); the peer is the
 *    plenum polling the same totals every 250 ms. Aim: p99 within 250 ms.
 *
 * Prints absolute figures and ratios, and writes bench-results/plenum.json.
 * Usage: node build/bench/plenum.js [--groups 30] [--runs 20] [--participants 150] [--seconds 30]
 * (after `node esbuild.config.mjs`, which builds build/server.js and this file).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WIDGET_KINDS } from '../src/kinds/index.js';
import { Board, type Item } from '../src/model/index.js';
import { assessmentId } from '../src/model/theme-assessment.js';
import { likeId } from '../src/model/wall-like.js';
import type { CreatedWorkshopResponse, JoinResponse } from '../src/workshop/api.js';
import { synthesize } from '../src/workshop/synthesis.js';
import { placeWorkshop } from '../src/workshop/template.js';
import type { BallotResponse, ParticipantCredential, VoteTotals, VoteView } from '../src/workshop/vote-api.js';
import { summarize, type LatencySummary } from './stats.js';

interface Options {
  groups: number;
  runs: number;
  participants: number;
  seconds: number;
}

function args(): Options {
  const o: Options = { groups: 30, runs: 20, participants: 150, seconds: 30 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i]?.replace(/^--/, '') as keyof Options;
    const v = Number(a[i + 1]);
    if (!(k in o) || !Number.isInteger(v) || v < 1) throw new Error(`bad option ${a[i]} ${a[i + 1]}`);
    o[k] = v;
  }
  return o;
}

/** A deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const O = 'bench';
const FIELDS = ['bor-gor', 'bor-ikke-gor', 'gor-ikke-bor', 'hverken'] as const;

/** A full group board: every criterion assessed with notes, 40 matrix notes, 10 cards chosen and 3 written, 24 answers with likes. */
function fullBoard(n: number, rnd: () => number): Board {
  const board = new Board(new Y.Doc());
  placeWorkshop(board, { title: `Gruppe ${n}`, parts: ['kaedeansvar', 'kontaktperson'], locale: 'da' }, O);
  const items = board.read().items;
  const widget = (type: string) => items.find((i) => i.kind === 'widget' && i.props.widget === type)!.id;
  const themes = widget('seven-themes');
  const matrix = widget('bor-gor-matrix');
  const profile = widget('competence-profile');
  board.transact(() => {
    for (let c = 1; c <= 7; c++) {
      board.create('theme-assessment', { id: assessmentId(themes, c), props: { widget: themes, criterion: c, status: (['not-started', 'under-way', 'established'] as const)[Math.floor(rnd() * 3)]! } }, O);
      for (let k = 0; k < 3; k++) board.create('theme-note', { props: { widget: themes, criterion: c, text: `Gruppe ${n}: kriterium ${c}, note ${k + 1} om samarbejdet`, author: k ? 'Ida' : '' } }, O);
    }
    for (let i = 0; i < 40; i++) {
      // A third of the notes are ones other groups write too.
      const text = i % 3 === 0 ? `Fælles pointe ${i % 12}` : `Gruppe ${n} note ${i + 1}: samarbejdet med FGU og jobcentret`;
      board.create('matrix-note', { props: { widget: matrix, field: FIELDS[i % 4]!, text, criterion: i % 8, order: i, color: 'yellow' } }, O);
    }
    const cards = board.owned(profile, 'competence-card');
    for (const card of cards.filter(() => rnd() < 0.5).slice(0, 10)) board.updateProps<'competence-card'>(card.id, { area: 'local' }, O);
    for (let k = 0; k < 3; k++) board.create('competence-card', { props: { widget: profile, area: 'local', column: 'kompetencer', text: `Eget kort ${k + 1} fra gruppe ${n}`, order: 50 + k } }, O);
    const columns = board.owned(widget('reflection-wall'), 'wall-column');
    for (let i = 0; i < 24; i++) {
      const post = board.create('wall-post', { props: { column: columns[i % columns.length]!.id, text: `Svar ${i + 1} fra gruppe ${n}`, author: '', order: i } }, O);
      for (let l = 0; l < Math.floor(rnd() * 4); l++) board.create('wall-like', { id: likeId(post, `t${l}x${n}`), props: { post, by: `t${l}x${n}` } }, O);
    }
  }, O);
  return board;
}

/** The peer: what reading every board already cost (each board read, each widget read by its kind). */
function plainRead(boards: readonly Board[]): number {
  let n = 0;
  for (const board of boards) {
    const { items } = board.read();
    for (const w of items.filter((i): i is Item<'widget'> => i.kind === 'widget')) {
      WIDGET_KINDS[w.props.widget].read(board, w.id);
      n++;
    }
  }
  return n;
}

/** Wall and CPU milliseconds of each run (CPU: this process's user + system time, which a busy machine does not inflate). */
function timeRuns(runs: number, fn: () => unknown): { wall: number[]; cpu: number[] } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** CPU milliseconds a process has used (Linux /proc; null elsewhere). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] as number;

async function startBuiltServer(dataDir: string): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['build/server.js', '--port', '0', '--data-dir', dataDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    });
    child.once('exit', () => reject(new Error(`server exited: ${err}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function json<T>(url: string, init: RequestInit & { token?: string; extra?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...(init.extra ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body) headers['content-type'] = 'application/json';
  const res = await fetch(url, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Observation {
  at: number;
  version: number;
}

/** The first observation at or after `at` whose version holds `version`; its delay. */
function delays(sent: { at: number; version: number }[], seen: Observation[]): Float64Array {
  const out: number[] = [];
  let j = 0;
  const sorted = [...sent].sort((a, b) => a.at - b.at);
  // Versions only grow with time; walk both lists once per ballot from the first candidate.
  for (const s of sorted) {
    while (j < seen.length && (seen[j] as Observation).at < s.at) j++;
    for (let k = j; k < seen.length; k++) {
      if ((seen[k] as Observation).version >= s.version) {
        out.push((seen[k] as Observation).at - s.at);
        break;
      }
    }
  }
  return Float64Array.from(out);
}

async function voteRun(o: Options): Promise<{ ours: LatencySummary | null; peer: LatencySummary | null; ballots: LatencySummary | null; count: number; refused: number; pollRequests: number; longPolls: number; totalsOk: boolean; serverCpuMs: number | null; loadAverage: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-bench-plenum-'));
  const server = await startBuiltServer(dataDir);
  try {
    const base = server.url;
    const w = await json<CreatedWorkshopResponse>(`${base}/api/workshops`, { method: 'POST', body: JSON.stringify({ title: 'Benchmark', parts: ['kaedeansvar'], groups: 6, locale: 'da' }) });
    // The notes to vote on (20 in "Bør, men gør ikke") come as a board sent to the workshop, as
    // the Miro app sends one (POST …/groups); the vote is held over the synthesis of all boards.
    const board = new Board(new Y.Doc());
    placeWorkshop(board, { title: 'Noter', parts: ['kaedeansvar'], locale: 'da' }, O);
    const matrix = board.read().items.find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix')!.id;
    for (let i = 0; i < 20; i++) board.create('matrix-note', { props: { widget: matrix, field: 'bor-ikke-gor', text: `Forslag ${i + 1}`, criterion: i % 8, order: i, color: 'yellow' } }, O);
    await json(`${base}/api/workshops/${w.id}/groups`, { method: 'POST', token: w.facilitatorToken, body: JSON.stringify({ name: 'Noter', board: Buffer.from(Y.encodeStateAsUpdate(board.doc)).toString('base64') }) });
    const vote = await json<VoteView>(`${base}/api/workshops/${w.id}/votes`, { method: 'POST', token: w.facilitatorToken, body: JSON.stringify({ list: 'bor-gor-matrix:bor-ikke-gor', dots: 5, hidden: false }) });
    const people: { token: string; credential: string }[] = [];
    for (let i = 0; i < o.participants; i++) {
      const g = w.groups[i % w.groups.length]!;
      const { token } = await json<JoinResponse>(`${base}/api/workshops/${w.id}/tokens`, { method: 'POST', token: g.token });
      const { credential } = await json<ParticipantCredential>(`${base}/api/workshops/${w.id}/participants`, { method: 'POST', token });
      people.push({ token, credential });
    }
    const totalsUrl = `${base}/api/workshops/${w.id}/votes/${vote.id}/totals`;
    const longPolled: Observation[] = [];
    const polled: Observation[] = [];
    let running = true;
    let longPolls = 0;
    let pollRequests = 0;
    // Ours: the plenum's long poll.
    const longPoll = (async () => {
      let after = -1;
      while (running) {
        const t = await json<VoteTotals>(`${totalsUrl}?after=${after}`, { token: w.plenumToken });
        longPolls++;
        longPolled.push({ at: performance.now(), version: t.version });
        after = t.version;
      }
    })();
    // The peer: the plenum asking every 250 ms.
    const poll = (async () => {
      while (running) {
        const t = await json<VoteTotals>(totalsUrl, { token: w.plenumToken });
        pollRequests++;
        polled.push({ at: performance.now(), version: t.version });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const sent: { at: number; version: number }[] = [];
    const ballotMs: number[] = [];
    const last = new Map<number, Record<string, number>>();
    let refused = 0;
    const until = performance.now() + o.seconds * 1000;
    const rnd = random(42);
    const cpu0 = processCpuMs(server.pid);
    await Promise.all(
      people.map(async (p, i) => {
        // Spread the starts over the first second.
        await new Promise((r) => setTimeout(r, rnd() * 1000));
        while (performance.now() < until) {
          const dots: Record<string, number> = {};
          for (let d = 0; d < 5; d++) {
            const key = String(1 + Math.floor(rnd() * 20));
            dots[key] = (dots[key] ?? 0) + 1;
          }
          const at = performance.now();
          try {
            const r = await json<BallotResponse>(`${base}/api/workshops/${w.id}/votes/${vote.id}/ballot`, { method: 'PUT', token: p.token, extra: { 'x-participant': p.credential }, body: JSON.stringify({ dots }) });
            ballotMs.push(performance.now() - at);
            sent.push({ at, version: r.version });
            last.set(i, r.mine);
          } catch {
            refused++;
          }
          await new Promise((r) => setTimeout(r, 500 + rnd() * 1000));
        }
      }),
    );
    const cpu1 = processCpuMs(server.pid);
    const loadAverage = loadavg()[0] ?? 0;
    // Let both plenums catch up, then stop them (the long poll answers within its wait).
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    const final = await json<VoteTotals>(totalsUrl, { token: w.facilitatorToken });
    const expected = Array.from({ length: 20 }, (_, k) => [...last.values()].reduce((n, m) => n + (m[String(k + 1)] ?? 0), 0));
    await json(`${base}/api/workshops/${w.id}/votes/${vote.id}/close`, { method: 'POST', token: w.facilitatorToken });
    await Promise.race([Promise.all([longPoll, poll]), new Promise((r) => setTimeout(r, 2000))]);
    return {
      ours: summarize([delays(sent, longPolled)]),
      peer: summarize([delays(sent, polled)]),
      ballots: summarize([Float64Array.from(ballotMs)]),
      count: sent.length,
      refused,
      pollRequests,
      longPolls,
      totalsOk: JSON.stringify(final.totals) === JSON.stringify(expected),
      serverCpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
      loadAverage,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const o = args();
  const rnd = random(7);
  const t0 = performance.now();
  const boards = Array.from({ length: o.groups }, (_, i) => fullBoard(i + 1, rnd));
  const built = performance.now() - t0;
  const bytes = boards.reduce((n, b) => n + Y.encodeStateAsUpdate(b.doc).byteLength, 0);
  const records = boards.reduce((n, b) => n + b.read().items.length, 0);
  const sources = boards.map((board, i) => ({ number: i + 1, name: `Gruppe ${i + 1}`, board }));
  const ours = timeRuns(o.runs, () => synthesize(sources, 'da'));
  const peer = timeRuns(o.runs, () => plainRead(boards));
  const s = synthesize(sources, 'da');
  const f = (n: number) => n.toFixed(1).padStart(8);
  const ms = (n: number | undefined) => (n === undefined ? '-'.padStart(8) : n.toFixed(1).padStart(8));

  console.log(`\nkaedeboard plenum benchmark — ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, node ${process.version}`);
  console.log(`${o.groups} full group boards: ${records} records, ${(bytes / 1024).toFixed(0)} KiB of board state (built in ${built.toFixed(0)} ms)`);
  console.log(`  each: 7 criteria assessed with 21 notes, 40 Bør/Gør notes (a third shared with other groups), 10 cards chosen and 3 own, 24 answers with likes\n`);
  console.log(`machine load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (wall times grow with it; CPU times much less)\n`);
  console.log('synthesis of all groups (ms)          CPU median   CPU p95  wall median  wall p95   CPU ratio to the peer');
  console.log(`  ours: synthesize()                 ${f(median(ours.cpu))}  ${f(p95(ours.cpu))}  ${f(median(ours.wall))}  ${f(p95(ours.wall))}   ${(median(ours.cpu) / median(peer.cpu)).toFixed(2)}x   (${o.runs} runs; aim <= 100 ms)`);
  console.log(`  peer: plain per-board read         ${f(median(peer.cpu))}  ${f(p95(peer.cpu))}  ${f(median(peer.wall))}  ${f(p95(peer.wall))}`);
  console.log(`  gathered: ${s.sections['bor-gor-matrix'].fields.reduce((n, fl) => n + fl.notes, 0)} matrix notes into ${s.sections['bor-gor-matrix'].fields.reduce((n, fl) => n + fl.buckets.reduce((m, b) => m + b.notes.length, 0), 0)} entries, ${s.sections['seven-themes'].notes} criterion notes, ${s.sections['reflection-wall'].questions.reduce((n, q) => n + q.answers.length, 0)} answers\n`);

  const v = await voteRun(o);
  console.log(`vote: ${o.participants} participants moving 5 dots about once a second for ${o.seconds} s, 20 items (built server, HTTP keep-alive)`);
  console.log(`  ${v.count} ballots (${(v.count / o.seconds).toFixed(0)}/s), ${v.refused} refused; final totals equal the last ballots: ${v.totalsOk ? 'yes' : 'NO'}`);
  console.log('dot -> plenum total (ms)                 p50      p95      p99      max   p99 ratio');
  const row = (name: string, x: LatencySummary | null, peerX: LatencySummary | null) =>
    `  ${name.padEnd(34)}${ms(x?.p50)} ${ms(x?.p95)} ${ms(x?.p99)} ${ms(x?.max)}   ${x && peerX ? `${(x.p99 / peerX.p99).toFixed(2)}x` : '-'}`;
  console.log(row('ours: long poll', v.ours, v.peer) + '   (aim p99 <= 250 ms)');
  console.log(row('peer: poll every 250 ms', v.peer, null));
  console.log(row('a ballot request itself', v.ballots, null));
  console.log(`  plenum requests: ${v.longPolls} long polls answered, ${v.pollRequests} polls`);
  console.log(`  server CPU: ${v.serverCpuMs === null ? '-' : `${v.serverCpuMs.toFixed(0)} ms in ${o.seconds} s, ${(v.serverCpuMs / v.count).toFixed(2)} ms per ballot (its long-poll answers included)`}; load average ${v.loadAverage.toFixed(1)}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/plenum.json', JSON.stringify({ options: o, boards: { records, bytes }, synthesisMs: { ours, peer }, vote: v }, null, 2));
  for (const b of boards) {
    b.destroy();
    b.doc.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
