import { describe, expect, it } from 'vitest';
import { checkConfig, ConfigError, DEFAULTS, isLoopback, loadConfig } from '../../server/config.js';

const KEY = 'k'.repeat(24);

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8080 and ./data', () => {
    const c = loadConfig([], {});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.maxMessageBytes).toBe(2 * 1024 * 1024);
  });

  it('reads the environment, and flags win over it', () => {
    const c = loadConfig(['--port', '9000', '--data-dir=/tmp/kb'], { PORT: '7000', HOST: '0.0.0.0', DATA_DIR: '/srv/x', ORGANISER_KEY: KEY });
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

  it('needs an organiser key beyond loopback, and refuses to start without one', () => {
    expect(() => loadConfig(['--host', '0.0.0.0'], {})).toThrow(/HOST is 0\.0\.0\.0, beyond loopback: set ORGANISER_KEY/);
    expect(() => loadConfig([], { HOST: '192.168.1.10' })).toThrow(ConfigError);
    expect(() => loadConfig([], { HOST: '0.0.0.0', ORGANISER_KEY: 'short' })).toThrow(/at least 16 characters/);
    expect(loadConfig(['--organiser-key', KEY, '--host', '0.0.0.0'], {}).organiserKey).toBe(KEY);
    // On loopback it is optional; a spread configuration is checked again when the server starts.
    expect(loadConfig([], {}).organiserKey).toBe('');
    expect(() => checkConfig({ ...loadConfig([], {}), host: '::' })).toThrow(/ORGANISER_KEY/);
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'board.example.dk']) expect(isLoopback(h), h).toBe(false);
  });

  it('turns free boards off beyond loopback unless asked for', () => {
    expect(loadConfig([], {}).openBoards).toBe(true);
    expect(loadConfig([], { HOST: '0.0.0.0', ORGANISER_KEY: KEY }).openBoards).toBe(false);
    expect(loadConfig([], { HOST: '0.0.0.0', ORGANISER_KEY: KEY, OPEN_BOARDS: 'true' }).openBoards).toBe(true);
    expect(loadConfig(['--open-boards', 'false'], {}).openBoards).toBe(false);
  });

  it('reads trusted proxies and allowed hosts, and refuses what is neither an address nor a name', () => {
    const c = loadConfig([], { TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, ::1', ALLOWED_HOSTS: 'board.example.dk, board.example.dk:8443' });
    expect(c.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(c.allowedHosts).toEqual(['board.example.dk', 'board.example.dk:8443']);
    expect(() => loadConfig([], { TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES: expected IP addresses or CIDR ranges/);
    expect(() => loadConfig([], { TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig([], { ALLOWED_HOSTS: 'http://board.example.dk/' })).toThrow(/ALLOWED_HOSTS: expected host names/);
  });

  it('sizes the import limit to real workshops and takes another', () => {
    expect(DEFAULTS.maxImportBytes).toBe(8 * 1024 * 1024);
    expect(loadConfig(['--max-import-bytes', '1048576'], {}).maxImportBytes).toBe(1048576);
    expect(DEFAULTS.createPerHour).toBe(20);
  });
});
