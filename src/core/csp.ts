/**
 * The Content-Security-Policy of the app: sent by the Electron app:// handler and by the web
 * preview server (vite.config.ts), so the e2e tests run under the same policy as the desktop app.
 * `renderer/index.html` carries the same policy as a <meta> element (`CSP_META_CONTENT`), so any
 * server of the built files enforces it too. This module has no imports so the Vite config can
 * load it directly.
 */
const DIRECTIVES = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets pdf.js compile its WebAssembly image decoders (JPX, JBIG2, colour
  // profiles); it does not allow eval() or new Function().
  "script-src 'self' 'wasm-unsafe-eval'",
  // React style attributes and the generated highlight colours need inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // pdf.js runs in a worker from the app origin; import runs in workers too.
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** Directives a browser ignores (with a console error) when the policy comes in a <meta> element. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/** The policy as `renderer/index.html`'s <meta http-equiv="Content-Security-Policy"> states it. */
export const CSP_META_CONTENT = DIRECTIVES.filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0]!)).join('; ');
