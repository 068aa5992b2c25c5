// Vite builds the renderer once; the same build runs in Electron (served from app://) and as
// a plain web app (npm run web / npm start without the Electron binary).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './src/core/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * renderer/index.html carries the app's CSP as a <meta> element, so any server of the built
 * files enforces it (a unit test holds it equal to src/core/csp.ts). The development server
 * (`npm run web`) needs inline scripts and a websocket for hot reloading, so only there the
 * element is taken out; the built app always has it, and its servers send the header too.
 */
function cspMetaOnlyInBuilds(): Plugin {
  return {
    name: 'overens-csp-meta',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaOnlyInBuilds()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    // `npm start` and `npm run build` build here; the tests and benchmarks build into folders of
    // their own (test-results/), so they never replace what a running `npm start` serves.
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['..'] } },
  // The preview (npm start without Electron, and the e2e tests) serves the app under the same
  // Content-Security-Policy as the desktop app's app:// scheme.
  preview: { host: '127.0.0.1', port: 5173, strictPort: false, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
