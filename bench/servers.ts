/**
 * Starts the two sync servers under test as child processes on 127.0.0.1 and stops them:
 * ours (build/server.js, a fresh SQLite data dir) and the peer, @y/websocket-server
 * (in memory; YPERSISTENCE is removed from its environment).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServerKind } from './options.js';

const PEER_PACKAGE = 'node_modules/@y/websocket-server';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningServer {
  readonly kind: ServerKind;
  /** Name and version, for the report. */
  readonly label: string;
  readonly pid: number;
  /** `serverUrl` for a WebsocketProvider: rooms are at `${syncUrl}/${room}`. */
  readonly syncUrl: string;
  /** Base HTTP URL (ours serves /metrics there). */
  readonly httpUrl: string;
  readonly output: OutputCapture;
  /** How the process ended, if it ended by itself. */
  exitedEarly(): string | null;
  /** SIGTERM, then SIGKILL after a grace period; removes temporary files. */
  stop(): Promise<void>;
}

/** Keeps the last lines a child printed and counts its JSON log lines by level and event. */
export class OutputCapture {
  readonly tail: string[] = [];
  readonly events = new Map<string, number>();
  #partial = '';

  constructor(readonly tailLines = 20) {}

  feed(chunk: Buffer): void {
    const lines = (this.#partial + chunk.toString('utf8')).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line.trim() === '') return;
    this.tail.push(line);
    if (this.tail.length > this.tailLines) this.tail.shift();
    const event = logEventOf(line);
    if (event) this.events.set(event, (this.events.get(event) ?? 0) + 1);
  }
}

function logEventOf(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { level, event } = parsed as Record<string, unknown>;
    return typeof event === 'string' ? `${typeof level === 'string' ? level : 'log'} ${event}` : null;
  } catch {
    return null;
  }
}

export async function startServer(kind: ServerKind, ourEntry: string): Promise<RunningServer> {
  return kind === 'kaedeboard' ? startKaedeboard(ourEntry) : startPeer();
}

async function startKaedeboard(entry: string): Promise<RunningServer> {
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: build first (node esbuild.config.mjs) or pass --server PATH`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kaedeboard-bench-'));
  const child = spawn(process.execPath, [resolve(entry), '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = capture(child);
  try {
    const match = await waitForOutput(child, output, /open (http:\/\/[^\s/]+)\//);
    const httpUrl = match[1] as string;
    return running('kaedeboard', `kaedeboard (${entry})`, child, output, httpUrl, `${httpUrl.replace(/^http/, 'ws')}/sync`, dataDir);
  } catch (err) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function startPeer(): Promise<RunningServer> {
  const dir = resolve(PEER_PACKAGE);
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  const child = spawn(process.execPath, [join(dir, 'src/server.js')], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const output = capture(child);
  try {
    await waitForTcp(child, output, port);
    const httpUrl = `http://127.0.0.1:${port}`;
    return running('peer', `@y/websocket-server ${version}`, child, output, httpUrl, `ws://127.0.0.1:${port}`, null);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

function running(
  kind: ServerKind,
  label: string,
  child: ChildProcess,
  output: OutputCapture,
  httpUrl: string,
  syncUrl: string,
  tempDir: string | null,
): RunningServer {
  if (child.pid === undefined) throw new Error(`${label}: no pid`);
  const pid = child.pid;
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  let stopping = false;
  return {
    kind,
    label,
    pid,
    syncUrl,
    httpUrl,
    output,
    exitedEarly: () => (stopping ? null : exited),
    async stop() {
      stopping = true;
      await stopChild(child);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

function capture(child: ChildProcess): OutputCapture {
  const output = new OutputCapture();
  child.stdout?.on('data', (c: Buffer) => output.feed(c));
  child.stderr?.on('data', (c: Buffer) => output.feed(c));
  return output;
}

function describeFailure(what: string, output: OutputCapture): Error {
  return new Error(`${what}\n--- last output ---\n${output.tail.join('\n')}`);
}

/** Resolves with the first match of `pattern` in the child's stdout. */
function waitForOutput(child: ChildProcess, output: OutputCapture, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    const done = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) {
        done();
        resolvePromise(match);
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done();
      reject(describeFailure(`server exited (${signal ?? `code ${code}`}) before printing its URL`, output));
    };
    const timer = setTimeout(() => {
      done();
      reject(describeFailure(`server printed no URL within ${START_TIMEOUT_MS} ms`, output));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolvePromise(port) : reject(new Error('no free port'))));
    });
  });
}

function tcpConnects(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

async function waitForTcp(child: ChildProcess, output: OutputCapture, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw describeFailure('peer server exited during start', output);
    if (await tcpConnects(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw describeFailure(`peer server did not accept TCP on port ${port} within ${START_TIMEOUT_MS} ms`, output);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
