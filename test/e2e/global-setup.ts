/**
 * Builds the renderer once into a folder of the tests' own (test-results/web-e2e/, never dist/,
 * which a running `npm start` may be serving) and serves it with `vite preview` on a free loopback
 * port for the whole e2e run. Set E2E_SKIP_BUILD=1 to reuse an existing build.
 */
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configFile = new URL('../../vite.config.ts', import.meta.url).pathname;
  const outDir = new URL('../../test-results/web-e2e/', import.meta.url).pathname;
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(`${outDir}index.html`))) {
    await build({ configFile, logLevel: 'warn', build: { outDir } });
  }
  server = await preview({ configFile, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve, reject) => server?.httpServer.close((error) => (error ? reject(error) : resolve())));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
