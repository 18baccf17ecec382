import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../../server/config.js';

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8080 and ./data', () => {
    const c = loadConfig([], {});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.maxMessageBytes).toBe(2 * 1024 * 1024);
  });

  it('reads the environment, and flags win over it', () => {
    const c = loadConfig(['--port', '9000', '--data-dir=/tmp/kb'], { PORT: '7000', HOST: '0.0.0.0', DATA_DIR: '/srv/x' });
    expect(c.port).toBe(9000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe('/tmp/kb');
  });

  it('refuses bad values with a message that names the source', () => {
    expect(() => loadConfig([], { PORT: 'eighty' })).toThrow(/environment variable PORT: expected a non-negative integer/);
    expect(() => loadConfig(['--port', '70000'], {})).toThrow(/option --port: expected a port number/);
    expect(() => loadConfig(['--durability', 'maybe'], {})).toThrow(/'normal' or 'full'/);
    expect(() => loadConfig(['--bogus'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--port'], {})).toThrow(/needs a value/);
  });

  it('takes boolean flags without a value and lists for origins', () => {
    const c = loadConfig(['--quiet', '--allowed-origins', 'https://a.example, https://b.example'], {});
    expect(c.quiet).toBe(true);
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(DEFAULTS.allowedOrigins).toEqual([]);
  });
});
