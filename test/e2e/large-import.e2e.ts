// A Vårdanalys-sized REFI-QDA package (186 documents, 20,000 passages, 13,764 judgements — the
// exchange benchmark's project) imported in the app: while it is read and written the Projects
// view says so with a progress bar and the import buttons are disabled (no second import can
// start); afterwards everything is in IndexedDB and the buttons work again. Exporting it back
// shows its progress in the Results view the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportQdpx } from '../../src/formats/refi-qda';
import { exchangeInput } from '../bench/exchange';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('large import', () => {
  it('shows its progress, blocks a second import, and stores every passage', { timeout: 150_000 }, async () => {
    const packed = await exportQdpx(exchangeInput());
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    await page.getByTestId('new-project-name').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-qdpx').click();
    await (await chooser).setFiles([{ name: 'vardanalys.qdpx', mimeType: 'application/zip', buffer: Buffer.from(packed) }]);
    await page.getByTestId('projects-working').waitFor();
    expect(await page.getByTestId('projects-working').textContent()).toContain('Läser vardanalys.qdpx…');
    expect(await page.getByTestId('import-qdpx').isDisabled()).toBe(true);
    expect(await page.getByTestId('restore-backup').isDisabled()).toBe(true);
    await screenshot(page, 'large-import-working-sv');
    await page.getByTestId('project-item').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="projects-working"]'));
    // The import report opens; our own export maps without a problem.
    await page.getByTestId('qdpx-report').waitFor();
    expect(await page.getByTestId('qdpx-report-problems').count()).toBe(0);
    await page.getByTestId('qdpx-report-close').click();
    expect(await page.getByTestId('import-qdpx').isEnabled()).toBe(true);
    const counts = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const tx = req.result.transaction(['documents', 'segments', 'judgements']);
            const all = ['documents', 'segments', 'judgements'].map((name) => tx.objectStore(name).count());
            tx.oncomplete = () => resolve(all.map((r) => r.result));
          };
        }),
    );
    expect(counts).toEqual([186, 20_000, 13_764]);

    // Exporting it again as .qdpx takes a moment too: the Results view says so meanwhile.
    await page.evaluate(() => (window.location.hash = '#/results'));
    await page.getByTestId('dataset-qdpx').waitFor();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('dataset-qdpx').click();
    await page.getByTestId('dataset-working').waitFor();
    expect(await page.getByTestId('dataset-long').isDisabled()).toBe(true);
    await screenshot(page, 'large-export-working-sv');
    expect((await download).suggestedFilename()).toMatch(/\.qdpx$/);
    await page.waitForFunction(() => !document.querySelector('[data-testid="dataset-working"]'));
    expect(await page.getByTestId('dataset-long').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
