import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** Debian's Chromium, never a downloaded browser; flags keep it off the network. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

const BROWSER_TESTS = ['widgets/**/*.browser.test.ts', 'src/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: BROWSER_TESTS,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Several Chromium contexts against the real server (playwright-core, Debian's Chromium).
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Pre-bundle these up front: found mid-run, Vite reloads the page and a test can fail.
        optimizeDeps: { include: ['yjs', 'y-websocket', 'y-indexeddb', 'y-protocols/awareness', 'lit', 'qrcode-generator'] },
        // Component tests in real Chromium (vitest browser mode).
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: CHROMIUM }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
