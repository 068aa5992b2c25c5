/**
 * Shared set-up of the Chromium benchmarks: build the web app, serve it with `vite preview` on a
 * free loopback port, launch Debian's Chromium, run the benchmark, and tear everything down.
 */
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];

export async function withAppInChromium<T>(run: (browser: Browser, url: string) => Promise<T>): Promise<T> {
  const configFile = new URL('../../vite.config.ts', import.meta.url).pathname;
  // A build folder of the benchmarks' own: never dist/, which a running `npm start` may serve.
  const outDir = new URL('../../test-results/web-bench/', import.meta.url).pathname;
  await build({ configFile, logLevel: 'warn', build: { outDir } });
  const server = await preview({ configFile, build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    return await run(browser, server.resolvedUrls!.local[0]!);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
