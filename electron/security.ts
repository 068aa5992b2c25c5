/**
 * Security settings of the desktop shell, after Electron's security checklist: isolated,
 * sandboxed renderer without Node, a strict Content-Security-Policy, the privileged `app://`
 * scheme (a stable IndexedDB origin across releases), no navigation and no new windows.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { LANGUAGE_SWITCH } from '../src/core/ipc';

export const APP_SCHEME = 'app';
export const APP_HOST = 'overens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
];

export { CONTENT_SECURITY_POLICY } from '../src/core/csp';

/**
 * Requests the app never makes: web, websocket and file: URLs. The CSP already blocks them in the
 * page; the session blocks them too (no remote content). Chrome match-pattern syntax, in which
 * file: URLs have no host, hence the three slashes.
 */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*'];

/**
 * The system language travels to the sandboxed preload as a command-line switch
 * (`additionalArguments`), so `Platform.systemLanguage()` can stay synchronous. Only a
 * well-formed language tag is passed on.
 */
export function languageArguments(systemLanguage?: string): string[] {
  return systemLanguage && /^[A-Za-z0-9-]{1,35}$/.test(systemLanguage) ? [`${LANGUAGE_SWITCH}${systemLanguage}`] : [];
}

/** True for URLs of our own app (the only pages that may be shown or call IPC). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is for another host
 * or escapes the root (path traversal, encoded or not).
 */
export function resolveAppPath(url: string, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  const u = new URL(url);
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch (error) {
    // A malformed %-escape names no file.
    if (error instanceof URIError) return null;
    throw error;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const target = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  return target;
}
