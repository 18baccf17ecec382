/**
 * Test harness: a real kaedeboard server on a random loopback port with its own temporary
 * data folder, and stock y-websocket clients (Node, `ws`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { loadConfig, type Config } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/app.js';

// Each stock WebsocketProvider adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(200);

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kaedeboard-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig([], {}), port: 0, host: '127.0.0.1', dataDir: tempDataDir(), quiet: true, ...overrides };
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer & { config: Config }> {
  const config = testConfig(overrides);
  const server = await startServer(config);
  return Object.assign(server, { config });
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket client on `room`. */
export function connect(serverUrl: string, room: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/sync', room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
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

export function synced(client: Client, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    client.provider.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(t);
        resolve();
      }
    });
  });
}

/** Polls `cond` (which may read the store, asynchronously) until true or throws after `timeoutMs`. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A raw websocket (no y-websocket client) for protocol abuse tests. Resolves with its close code and reason. */
export function rawSocket(serverUrl: string, path: string): { ws: WebSocket; opened: Promise<void>; closed: Promise<{ code: number; reason: string }> } {
  const ws = new WebSocket(serverUrl.replace(/^http/, 'ws') + path);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => {});
  return { ws, opened, closed };
}

/** Runs the built server (`build/server.js`) as a child process; resolves once it listens. */
export async function spawnServer(dataDir: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(process.execPath, ['build/server.js', '--port', '0', '--data-dir', dataDir, '--quiet', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    });
    child.once('exit', () => reject(new Error(`server exited early: ${stderr}`)));
  });
  return { child, url, exited };
}
