/**
 * Benchmark in Chromium (the web build, as the e2e tests run it): open the 400-page PDF in the
 * coding view — time from the click to the first page's canvas and text layer being drawn — then
 * scroll it end to end and record the peak JS heap (Chrome DevTools Protocol metrics).
 */
import path from 'node:path';
import { withAppInChromium } from './chromium';
import type { BenchRow } from './types';

const LARGE = path.resolve(new URL('../../../shared/corpus/bad/large-400-pages.pdf', import.meta.url).pathname);

export async function benchViewer(): Promise<BenchRow[]> {
  return withAppInChromium(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.getByTestId('new-project-name').fill('Bench');
    await page.getByTestId('new-project-coder').fill('A');
    await page.getByTestId('create-project').click();
    await page.getByTestId('nav-documents').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    const importStart = Date.now();
    await (await chooser).setFiles([LARGE]);
    await page.getByTestId('close-import').waitFor({ timeout: 120_000 });
    const importMs = Date.now() - importStart;

    const t0 = Date.now();
    await page.getByTestId('document-file').getByRole('button').first().click();
    await page.waitForFunction(() => {
      const first = document.querySelector('[data-page="1"]');
      return Boolean(first?.querySelector('canvas') && first.querySelector('.textLayer span'));
    }, null, { timeout: 60_000, polling: 16 });
    const firstPageMs = Date.now() - t0;

    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    let peak = await heap();
    const scrollStart = Date.now();
    for (let step = 0; step < 2000; step++) {
      const done = await page.evaluate(() => {
        const el = document.querySelector('.viewer-scroll') as HTMLElement;
        el.scrollBy(0, el.clientHeight * 2);
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await page.waitForTimeout(60);
      peak = Math.max(peak, await heap());
      if (done) break;
    }
    const scrollMs = Date.now() - scrollStart;
    await page.waitForTimeout(500);
    peak = Math.max(peak, await heap());
    const pageIndicator = await page.getByTestId('page-indicator').textContent();
    return [
      {
        area: 'Viewer: 400-page PDF',
        input: 'open in the coding view (Chromium, web build)',
        result: `first page drawn after ${firstPageMs} ms (import took ${(importMs / 1000).toFixed(1)} s)`,
        target: '≤ 1.5 s to first page',
        pass: firstPageMs <= 1500,
      },
      {
        area: 'Viewer: 400-page PDF',
        input: `scroll end to end (${(scrollMs / 1000).toFixed(1)} s, ended at “${pageIndicator}”)`,
        result: `peak JS heap ${(peak / 1e6).toFixed(0)} MB`,
        target: '≤ 500 MB',
        pass: peak <= 500e6,
      },
    ];
  });
}
