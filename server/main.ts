/** `npm start`: reads the configuration, starts the server, and shuts down cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config.js';
import { startServer, VERSION } from './app.js';
import { createLogger } from './http/log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.quiet);
  const server = await startServer(config, log);
  const storage = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
  log.info('server.start', { version: VERSION, url: server.url, dataDir: config.dataDir, storage, durability: config.durability, cluster: config.redisUrl !== '' });
  process.stdout.write(`kaedeboard is running: open ${server.url}/ in a browser (data in ${storage})\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('server.stop', { signal });
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('server.stop-failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`kaedeboard failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
