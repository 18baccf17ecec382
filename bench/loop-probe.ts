/**
 * Loaded into the server process under test (`node --import build/bench/loop-probe.js
 * build/server.js`) by bench/hostile.ts: a 10 ms interval timer whose lateness is the server's
 * event-loop stall, reported over the IPC channel. 'reset' starts a new window; 'report'
 * answers with every lateness sample of the window, in milliseconds.
 */
const INTERVAL_MS = 10;

let samples: number[] = [];
let last = performance.now();
const timer = setInterval(() => {
  const t = performance.now();
  samples.push(Math.max(0, t - last - INTERVAL_MS));
  last = t;
}, INTERVAL_MS);
timer.unref();

process.on('message', (message: unknown) => {
  if (message === 'reset') {
    samples = [];
    last = performance.now();
  } else if (message === 'report') {
    process.send?.({ type: 'loop', samples });
  }
});
// The channel does not keep the server alive on its own.
process.channel?.unref();
