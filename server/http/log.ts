/** A one-line-per-event logger (JSON lines on stderr), so a municipality's ops can grep it. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(quiet = false): Logger {
  const write = (level: string, event: string, fields: Record<string, unknown> = {}): void => {
    if (quiet && level === 'info') return;
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }) + '\n');
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
