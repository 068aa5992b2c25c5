/**
 * Benchmark in Chromium: 186 documents × 35 variables × 2 coders of judgements seeded into the
 * app's IndexedDB; time from opening the Reliability view to its table, and from opening the
 * Results view to its last table, both drawn.
 */
import type { BenchRow } from './types';
import { withAppInChromium } from './chromium';

export async function benchViews(): Promise<BenchRow[]> {
  return withAppInChromium(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(url);
    await page.getByTestId('new-project-name').fill('Bench');
    await page.getByTestId('new-project-coder').fill('Anna');
    await page.getByTestId('create-project').click();
    page.once('dialog', (dialog) => void dialog.accept('Bertil'));
    await page.getByTestId('coder-select').selectOption('__add__');
    await page.waitForFunction(() => (document.querySelector('[data-testid="coder-select"]') as HTMLSelectElement).selectedOptions[0]?.textContent === 'Bertil');

    const seeded = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const req = indexedDB.open('overens');
        req.onsuccess = () => resolve(req.result);
      });
      const all = <T,>(store: string) =>
        new Promise<T[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
        });
      const [project] = await all<{ id: string }>('projects');
      const coders = (await all<{ id: string; kind: string }>('coders')).filter((c) => c.kind === 'human');
      const [version] = await all<{ id: string; content: { variables: { id: string; kind: string; values: { id: string }[] }[] } }>('codebookVersions');
      const variables = version!.content.variables.filter((v) => v.kind === 'single').slice(0, 35);
      const tx = db.transaction(['documents', 'judgements'], 'readwrite');
      let random = 12345;
      const next = () => ((random = (random * 1103515245 + 12345) % 2147483648), random / 2147483648);
      let judgements = 0;
      for (let d = 0; d < 186; d++) {
        const id = `doc-${d}`;
        tx.objectStore('documents').put({ id, projectId: project!.id, fileName: `avtal-${String(d).padStart(3, '0')}.pdf`, kind: 'pdf', sha256: d.toString(16).padStart(64, '0'), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 100, hasText: true, attributes: { level: d < 21 ? 'county' : 'local' }, warnings: [] });
        for (const v of variables) {
          const truth = v.values[Math.floor(next() * v.values.length)]!.id;
          for (const c of coders) {
            const value = next() < 0.85 ? truth : v.values[Math.floor(next() * v.values.length)]!.id;
            tx.objectStore('judgements').put({ id: `j-${d}-${v.id}-${c.id}`, projectId: project!.id, documentId: id, coderId: c.id, codebookVersionId: version!.id, variableId: v.id, valueIds: [value], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1 });
            judgements++;
          }
        }
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return { judgements, variables: variables.length };
    });

    const time = async (view: string, ready: () => boolean) => {
      await page.evaluate(() => (window.location.hash = '#/projects'));
      await page.getByTestId('view-projects').waitFor();
      const t0 = Date.now();
      await page.evaluate((v) => (window.location.hash = `#/${v}`), view);
      await page.waitForFunction(ready, null, { timeout: 60_000, polling: 16 });
      return Date.now() - t0;
    };
    const reliabilityMs = await time('reliability', () => document.querySelectorAll('[data-testid="reliability-row"]').length >= 35 && !!document.querySelector('[data-testid="disagreements"]'));
    const resultsMs = await time('results', () => document.querySelectorAll('[data-testid="results-table"]').length >= 35 && !!document.querySelector('[data-testid="chart"] canvas'));
    const input = `186 documents × ${seeded.variables} variables × 2 coders (${seeded.judgements.toLocaleString('en')} judgements)`;
    return [
      { area: 'Reliability view', input, result: `table, disagreements and samples drawn after ${reliabilityMs} ms`, target: '≤ 1 s', pass: reliabilityMs <= 1000 },
      { area: 'Results view', input: `${input}, by level`, result: `35 tables and the chart drawn after ${resultsMs} ms`, target: '≤ 1 s', pass: resultsMs <= 1000 },
    ];
  });
}
