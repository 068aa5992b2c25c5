/**
 * The statically checkable security settings: the renderer's HTML carries the app's CSP as a
 * <meta> element (so any server of dist/ enforces it), and the Electronegativity gate of
 * `npm test` (scripts/electronegativity.mjs) fails on a window that is not isolated.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSP_META_CONTENT, CONTENT_SECURITY_POLICY } from '../../../src/core/csp';

const root = path.resolve(import.meta.dirname, '../../..');

describe('CSP in the HTML', () => {
  it('renderer/index.html states the policy of src/core/csp.ts, less what a <meta> cannot carry', () => {
    const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CSP_META_CONTENT);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CSP_META_CONTENT).not.toContain('frame-ancestors');
    // It comes before the first script, so it applies to all of them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});

describe('Electronegativity gate', () => {
  it('fails on a window without context isolation and sandbox, naming the checks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'overens-en-test-'));
    try {
      writeFileSync(
        path.join(dir, 'main.ts'),
        "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
      );
      const run = spawnSync(process.execPath, [path.join(root, 'scripts/electronegativity.mjs'), '--scan', dir], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('SANDBOX_JS_CHECK');
      expect(run.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK');
      expect(run.stderr).toContain('without an explanation');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
