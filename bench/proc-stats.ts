/**
 * CPU time and memory of a child process, read from Linux /proc (process.cpuUsage only
 * covers the calling process).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux in practice). */
export const CLOCK_TICKS: number = readClockTicks();

function readClockTicks(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

/** utime + stime of `pid` in seconds (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: split after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS;
}

/**
 * CPU seconds the machine's processes spent running, all cores together: user + nice + system
 * from the first line of /proc/stat. Interrupt and softirq time (the loopback network stack
 * under load), steal and idle are left out, as no process is charged for them.
 */
export function machineProcessSeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user = 0, nice = 0, system = 0] = line.trim().split(/\s+/).slice(1, 4).map(Number);
  return (user + nice + system) / CLOCK_TICKS;
}

/** A field of /proc/<pid>/status in bytes (e.g. 'VmRSS', 'VmHWM'), or null when unreadable. */
export function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Polls VmRSS every `intervalMs` and keeps the peak; also reads the kernel's own peak (VmHWM). */
export class RssPoller {
  #peak = 0;
  #hwm = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(readonly pid: number, intervalMs = 100) {
    this.#poll();
    this.#timer = setInterval(() => this.#poll(), intervalMs);
  }

  #poll(): void {
    this.#peak = Math.max(this.#peak, statusBytes(this.pid, 'VmRSS') ?? 0);
    this.#hwm = Math.max(this.#hwm, statusBytes(this.pid, 'VmHWM') ?? 0);
  }

  /** Stops polling (call while the process still runs) and returns the peaks in bytes. */
  stop(): { peakRssBytes: number; hwmBytes: number } {
    this.#poll();
    clearInterval(this.#timer);
    return { peakRssBytes: this.#peak, hwmBytes: this.#hwm };
  }
}
