/**
 * One hostile connection against the server, next to the same server with no attacker, in the
 * same run (issue 10). Measured in each phase, on a fresh server (build/server.js, a child
 * process, default budgets):
 *
 * - the server's event-loop stall: max and p99 of a 10 ms interval timer's lateness, measured
 *   inside the server process by bench/loop-probe.ts (loaded with `node --import`);
 * - a second room's round trip: two stock y-websocket clients in room "calm", one writes a key
 *   every 20 ms, the time until the other has it.
 *
 * The attacker, in room "attack" (a free board, which it may write), stays inside every budget
 * (so it is never closed and keeps its one connection) and spends each to the full: updates of
 * `maxUpdateStructs` map entries as often as `structsPerSecond` allows, its presence state at
 * `maxAwarenessBytes` as often as `awarenessBytesPerSecond` allows, and a sync step 1 asking
 * for the whole board as often as `syncRequestsPerSecond` allows. One raw socket in the attack
 * room receives everything the server broadcasts there.
 *
 * Aim: the second room's round-trip p99 under 2x the calm server's.
 *
 *   npm run bench:hostile -- [--seconds 20] [--rounds 1] [--server build/server.js] [--profile DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULTS } from '../server/config.js';
import { summarize, type LatencySummary } from './stats.js';

interface Options {
  seconds: number;
  rounds: number;
  server: string;
  probe: string;
  /** Folder for V8 CPU profiles of the server processes (--cpu-prof), if given. */
  profile: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { seconds: 20, rounds: 1, server: 'build/server.js', probe: 'build/bench/loop-probe.js', profile: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--seconds' && value) o.seconds = Number(value);
    else if (flag === '--rounds' && value) o.rounds = Number(value);
    else if (flag === '--server' && value) o.server = value;
    else if (flag === '--probe' && value) o.probe = value;
    else if (flag === '--profile' && value) o.profile = value;
    else throw new Error(`unknown option ${flag}; use --seconds N --rounds N --server PATH --profile DIR`);
    i++;
  }
  return o;
}

interface Server {
  url: string;
  child: ChildProcess;
  loop(): Promise<number[]>;
  resetLoop(): void;
  stop(): Promise<void>;
}

async function startServer(o: Options): Promise<Server> {
  for (const f of [o.server, o.probe]) if (!existsSync(f)) throw new Error(`${f} does not exist: build first (node esbuild.config.mjs)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kaedeboard-hostile-'));
  const profile = o.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(o.profile)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', pathToFileURL(resolve(o.probe)).href, resolve(o.server), '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1] as string);
      }
    });
    child.once('exit', () => rej(new Error(`server exited: ${out}`)));
  });
  return {
    url,
    child,
    resetLoop: () => child.send('reset'),
    loop: () =>
      new Promise((res) => {
        const on = (m: { type?: string; samples?: number[] }): void => {
          if (m.type !== 'loop') return;
          child.off('message', on);
          res(m.samples ?? []);
        };
        child.on('message', on);
        child.send('report');
      }),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stockClient(url: string, room: string): { doc: Y.Doc; provider: WebsocketProvider; destroy(): void } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/sync', room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function synced(p: WebsocketProvider): Promise<void> {
  return p.synced ? Promise.resolve() : new Promise((r) => p.once('sync', () => r()));
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

function awarenessMessage(clientID: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, json);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** The attacker's document updates, built before the clock starts: each `structs` new map entries. */
function attackUpdates(count: number, structs: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let n = 0; n < count; n++) {
    const d = new Y.Doc();
    d.transact(() => {
      const m = d.getMap('m');
      for (let i = 0; i < structs; i++) m.set(`a${n}-${i}`, i);
    });
    out.push(Y.encodeStateAsUpdate(d));
    d.destroy();
  }
  return out;
}

interface Attack {
  stop(): { updates: number; structs: number; awareness: number; syncRequests: number; closed: string | null };
}

async function openSocket(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  return ws;
}

/** Starts the hostile connection; it paces itself to stay inside the default budgets. */
async function attack(url: string, updates: Uint8Array[]): Promise<Attack> {
  const base = url.replace(/^http/, 'ws') + '/sync/attack';
  const listener = await openSocket(base);
  listener.on('message', () => {});
  const ws = await openSocket(base);
  let closed: string | null = null;
  ws.on('close', (code, reason) => (closed = `${code} ${reason.toString()}`));
  ws.on('message', () => {});
  const c = DEFAULTS;
  const clientID = 31337;
  // Presence at the size cap (JSON text a little under it).
  const json = JSON.stringify({ user: { name: 'x' }, pad: 'p'.repeat(c.maxAwarenessBytes - 64) });
  let awareness = 0;
  let syncRequests = 0;
  let sent = 0;
  let structs = 0;
  // The server's struct bucket, mirrored: full at the start, refilled at structsPerSecond.
  let tokens = Math.max(c.structsPerSecond, c.maxUpdateStructs);
  let last = performance.now();
  const emptySv = Y.encodeStateVector(new Y.Doc());
  // Presence bytes, mirrored like the structs (with 5% to spare): as many full-size states as the budget relays.
  const presenceRate = 0.95 * c.awarenessBytesPerSecond;
  let presenceTokens = 2 * presenceRate;
  let presenceLast = performance.now();
  const timers = [
    setInterval(() => {
      if (ws.readyState !== ws.OPEN) return;
      const t = performance.now();
      presenceTokens = Math.min(2 * presenceRate, presenceTokens + ((t - presenceLast) / 1000) * presenceRate);
      presenceLast = t;
      while (presenceTokens >= json.length) {
        presenceTokens -= json.length;
        ws.send(awarenessMessage(clientID, ++awareness, json));
      }
    }, 20),
    setInterval(() => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(syncMessage(0, emptySv));
      syncRequests++;
    }, Math.ceil(1050 / c.syncRequestsPerSecond)),
    setInterval(() => {
      const t = performance.now();
      tokens = Math.min(Math.max(c.structsPerSecond, c.maxUpdateStructs), tokens + ((t - last) / 1000) * c.structsPerSecond);
      last = t;
      const next = updates[sent];
      if (!next || ws.readyState !== ws.OPEN || tokens < c.maxUpdateStructs) return;
      // The server takes its tokens when the update arrives, later than we sent it when its loop
      // is busy: a second to spare.
      tokens -= c.maxUpdateStructs + c.structsPerSecond;
      ws.send(syncMessage(2, next));
      sent++;
      structs += c.maxUpdateStructs;
    }, 50),
  ];
  return {
    stop() {
      for (const t of timers) clearInterval(t);
      ws.close();
      listener.close();
      return { updates: sent, structs, awareness, syncRequests, closed };
    },
  };
}

interface Phase {
  loop: LatencySummary | null;
  roundTrip: LatencySummary | null;
  attacker?: ReturnType<Attack['stop']>;
  /** The raw samples (ms), pooled over rounds for the summary. */
  samples: { loop: Float64Array; roundTrip: Float64Array };
}

async function phase(o: Options, hostile: boolean): Promise<Phase> {
  const server = await startServer(o);
  try {
    const a = stockClient(server.url, 'calm');
    const b = stockClient(server.url, 'calm');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const per = Math.ceil((o.seconds * DEFAULTS.structsPerSecond) / DEFAULTS.maxUpdateStructs) + 1;
    const updates = hostile ? attackUpdates(per, DEFAULTS.maxUpdateStructs) : [];
    const atk = hostile ? await attack(server.url, updates) : null;
    await new Promise((r) => setTimeout(r, 200));
    server.resetLoop();
    const times: number[] = [];
    const map = b.doc.getMap('rt');
    const end = performance.now() + o.seconds * 1000;
    for (let i = 0; performance.now() < end; i++) {
      const key = `k${i}`;
      const t0 = performance.now();
      await new Promise<void>((res) => {
        const check = (): void => {
          if (!map.has(key)) return;
          map.unobserve(check);
          res();
        };
        map.observe(check);
        a.doc.getMap('rt').set(key, i);
      });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const loop = await server.loop();
    const attacker = atk?.stop();
    a.destroy();
    b.destroy();
    const samples = { loop: Float64Array.from(loop), roundTrip: Float64Array.from(times) };
    return { loop: summarize([samples.loop]), roundTrip: summarize([samples.roundTrip]), samples, ...(attacker ? { attacker } : {}) };
  } finally {
    await server.stop();
  }
}

const fmt = (s: LatencySummary | null, k: keyof LatencySummary): string => (s ? s[k].toFixed(2) : '-');
const ratio = (x: number | undefined, y: number | undefined): string => (x !== undefined && y ? (x / y).toFixed(2) + 'x' : '-');

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const calm: Phase[] = [];
  const hostile: Phase[] = [];
  for (let r = 0; r < o.rounds; r++) {
    calm.push(await phase(o, false));
    hostile.push(await phase(o, true));
  }
  const rows: [string, Phase][] = [...calm.map((p, i): [string, Phase] => [`calm #${i + 1}`, p]), ...hostile.map((p, i): [string, Phase] => [`hostile #${i + 1}`, p])];
  console.log(`hostile connection vs none, ${o.seconds} s per phase, default budgets (maxUpdateStructs ${DEFAULTS.maxUpdateStructs}, structsPerSecond ${DEFAULTS.structsPerSecond}, maxAwarenessBytes ${DEFAULTS.maxAwarenessBytes})`);
  console.log('phase         loop lateness ms: p99    max | second room round trip ms: p50    p99    max  (n)');
  for (const [name, p] of rows) {
    console.log(
      `${name.padEnd(13)} ${fmt(p.loop, 'p99').padStart(22)} ${fmt(p.loop, 'max').padStart(6)} | ${fmt(p.roundTrip, 'p50').padStart(32)} ${fmt(p.roundTrip, 'p99').padStart(6)} ${fmt(p.roundTrip, 'max').padStart(6)}  (${p.roundTrip?.count ?? 0})`,
    );
    if (p.attacker) console.log(`              attacker: ${p.attacker.updates} updates (${p.attacker.structs} structs), ${p.attacker.awareness} presence messages, ${p.attacker.syncRequests} sync requests, closed: ${p.attacker.closed ?? 'no'}`);
  }
  // All rounds' samples together, and each round's ratio (the machine is shared: one round's
  // calm phase can be slower than the next round's hostile one).
  const pool = (ps: Phase[], k: 'loop' | 'roundTrip'): LatencySummary | null => summarize(ps.map((p) => p.samples[k]));
  const all = { calm: { loop: pool(calm, 'loop'), roundTrip: pool(calm, 'roundTrip') }, hostile: { loop: pool(hostile, 'loop'), roundTrip: pool(hostile, 'roundTrip') } };
  console.log(`pooled        ${'calm'.padEnd(4)} loop p99 ${fmt(all.calm.loop, 'p99')} max ${fmt(all.calm.loop, 'max')} | round trip p50 ${fmt(all.calm.roundTrip, 'p50')} p99 ${fmt(all.calm.roundTrip, 'p99')}`);
  console.log(`pooled        hostile loop p99 ${fmt(all.hostile.loop, 'p99')} max ${fmt(all.hostile.loop, 'max')} | round trip p50 ${fmt(all.hostile.roundTrip, 'p50')} p99 ${fmt(all.hostile.roundTrip, 'p99')}`);
  const perRound = hostile.map((h, i) => ratio(h.roundTrip?.p99, calm[i]?.roundTrip?.p99)).join(', ');
  console.log(
    `ratio hostile/calm: second room round trip p99 ${ratio(all.hostile.roundTrip?.p99, all.calm.roundTrip?.p99)} (aim: under 2x; per round ${perRound}), ` +
      `loop lateness p99 ${ratio(all.hostile.loop?.p99, all.calm.loop?.p99)}, max ${ratio(all.hostile.loop?.max, all.calm.loop?.max)}`,
  );
  mkdirSync('bench-results', { recursive: true });
  const strip = (p: Phase) => ({ loop: p.loop, roundTrip: p.roundTrip, ...(p.attacker ? { attacker: p.attacker } : {}) });
  writeFileSync('bench-results/hostile.json', JSON.stringify({ options: o, pooled: all, calm: calm.map(strip), hostile: hostile.map(strip) }, null, 2) + '\n');
}

await main();
