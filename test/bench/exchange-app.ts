/**
 * Benchmark in Chromium: the whole `.qdpx` import as a user meets it — the Vårdanalys-sized
 * package of exchange.ts (186 documents, 20,000 passages, 13,764 judgements) chosen in the
 * Projects view, read, mapped and written to IndexedDB in one transaction — timed from handing
 * the file to the file chooser until the new project is listed.
 */
import { exportQdpx } from '../../src/formats/refi-qda';
import { withAppInChromium } from './chromium';
import { exchangeInput } from './exchange';
import type { BenchRow } from './types';

export async function benchExchangeApp(): Promise<BenchRow[]> {
  const packed = await exportQdpx(exchangeInput());
  return withAppInChromium(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(url);
    await page.getByTestId('new-project-name').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-qdpx').click();
    const t0 = Date.now();
    await (await chooser).setFiles([{ name: 'bench.qdpx', mimeType: 'application/zip', buffer: Buffer.from(packed) }]);
    await page.getByTestId('restore-problems').or(page.getByTestId('project-item')).first().waitFor({ timeout: 120_000 });
    const ms = Date.now() - t0;
    const counts = await page.evaluate(
      () =>
        new Promise<{ segments: number; judgements: number }>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const tx = req.result.transaction(['segments', 'judgements']);
            const s = tx.objectStore('segments').count();
            const j = tx.objectStore('judgements').count();
            tx.oncomplete = () => resolve({ segments: s.result, judgements: j.result });
          };
        }),
    );
    if (counts.segments !== 20_000) throw new Error(`the import stored ${counts.segments} of 20,000 passages`);
    return [
      {
        area: 'REFI-QDA import in the app',
        input: `the same ${(packed.length / 1e6).toFixed(1)} MB .qdpx chosen in the Projects view → project listed (read, map, one IndexedDB transaction: ${counts.segments.toLocaleString('en')} passages, ${counts.judgements.toLocaleString('en')} judgements)`,
        result: `${(ms / 1000).toFixed(2)} s`,
        target: '≤ 10 s',
        pass: ms <= 10_000,
      },
    ];
  });
}
