// Automatic backups on the desktop code path. Electron's binary is not available here, so the
// page gets a stand-in for the preload's `window.overens` bridge (main's side — the folder dialog,
// the settings file, the atomic write and the pruning — is unit-tested in
// test/unit/electron/ipc.test.ts). The app then runs exactly the renderer code it runs in
// Electron: the folder, the schedule, "back up all now", skipping unchanged projects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import JSZip from 'jszip';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The bridge main would expose; written backups are kept on `window.__backups`. */
const FAKE_BRIDGE = `
  window.__backups = [];
  // Main keeps the folder in its settings file; here it survives a reload in sessionStorage.
  let folder = sessionStorage.getItem('fake-backup-folder');
  window.overens = {
    openFiles: async () => [],
    saveFile: async () => ({ saved: false }),
    revealInFolder: async () => undefined,
    appVersion: async () => '0.1.0',
    systemLanguage: () => 'sv-SE',
    backupFolder: async () => ({ folder }),
    chooseBackupFolder: async () => { folder = '/home/forskare/Säkerhetskopior'; sessionStorage.setItem('fake-backup-folder', folder); return { folder }; },
    writeBackup: async ({ fileName, bytes, keep }) => {
      if (!folder) throw new Error('no folder');
      window.__backups.push({ fileName, keep, bytes: Array.from(bytes) });
      return { path: folder + '/' + fileName, removed: [] };
    },
  };
`;

describe('automatic backups (desktop)', () => {
  it('chooses a folder, backs up changed projects on request and on schedule, and skips unchanged ones', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE', initScript: FAKE_BRIDGE });
    const app = new AppModel(page);
    const projects = new ProjectsModel(page);
    await projects.create('Länsavtal', 'Anna');
    await projects.create('Lokala avtal', 'Bertil');
    await app.goTo('projects');
    const card = page.getByTestId('auto-backup');
    expect(await card.getByTestId('auto-backup-folder').textContent()).toBe('ingen vald');
    expect(await card.getByTestId('auto-backup-now').isDisabled()).toBe(true);

    await card.getByTestId('auto-backup-choose').click();
    await expect.poll(() => card.getByTestId('auto-backup-folder').textContent()).toBe('/home/forskare/Säkerhetskopior');
    // With a folder, the schedule (hourly by default) starts with a run: both projects are new.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(2);
    await expect.poll(() => card.getByTestId('auto-backup-status').textContent()).toContain('Sparade: 2, oförändrade: 0, misslyckade: 0.');

    await card.getByTestId('auto-backup-keep').fill('3');
    await card.getByTestId('auto-backup-interval').selectOption('15');
    await card.getByTestId('auto-backup-now').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __backups: unknown[] }).__backups.length)).toBe(4);
    const backups = await page.evaluate(() => (window as unknown as { __backups: { fileName: string; keep: number; bytes: number[] }[] }).__backups);
    expect(backups.map((b) => b.fileName).every((n) => /^(Länsavtal|Lokala-avtal)-[A-Za-z0-9]{1,8}-\d{8}-\d{6}Z\.overens-backup\.zip$/.test(n))).toBe(true);
    expect(backups.slice(2).map((b) => b.keep)).toEqual([3, 3]);
    // Each is a whole project backup.
    const zip = await JSZip.loadAsync(Uint8Array.from(backups[3]!.bytes));
    const data = JSON.parse(await zip.file('backup.json')!.async('string')) as { format: string; project: { name: string } };
    expect(data.format).toBe('overens-backup');
    expect(['Länsavtal', 'Lokala avtal']).toContain(data.project.name);
    await screenshot(page, 'auto-backup-desktop-sv');

    // The settings survive a reload. Make the last run 20 minutes old: the next start finds the
    // schedule due, and backs up nothing, because nothing changed.
    const ageLastRun = () =>
      page.evaluate(() => {
        const state = JSON.parse(localStorage.getItem('overens.autoBackup')!) as { lastRunAt: number };
        localStorage.setItem('overens.autoBackup', JSON.stringify({ ...state, lastRunAt: state.lastRunAt - 20 * 60_000 }));
      });
    await ageLastRun();
    await page.reload();
    await page.getByTestId('auto-backup').waitFor();
    expect(await page.getByTestId('auto-backup-interval').inputValue()).toBe('15');
    expect(await page.getByTestId('auto-backup-keep').inputValue()).toBe('3');
    await expect.poll(() => page.getByTestId('auto-backup-status').textContent()).toContain('Sparade: 0, oförändrade: 2, misslyckade: 0.');
    // A change to one project: the next due run backs up that one only.
    await projects.rename('Lokala avtal', 'Lokala avtal 2021');
    await ageLastRun();
    await page.reload();
    await expect.poll(() => page.getByTestId('auto-backup-status').textContent()).toContain('Sparade: 1, oförändrade: 1, misslyckade: 0.');
    const last = await page.evaluate(() => (window as unknown as { __backups: { fileName: string }[] }).__backups.map((b) => b.fileName));
    expect(last).toEqual([expect.stringMatching(/^Lokala-avtal-2021-/)]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
