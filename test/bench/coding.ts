/**
 * Benchmark in Chromium: a project of 186 documents and 20,000 passages (2,000 of them in the
 * open document), seeded straight into the app's IndexedDB. Measures (1) from opening that
 * document to its first highlighted page, and (2) the time from pressing a value key to the
 * coding's IndexedDB transaction having committed (a performance mark set when it resolves), and
 * to the "Saved" state being on screen; p95 of 40 presses.
 */
import path from 'node:path';
import { withAppInChromium } from './chromium';
import type { BenchRow } from './types';

const PDF = path.resolve(new URL('../../../shared/corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf', import.meta.url).pathname);

export async function benchCoding(): Promise<BenchRow[]> {
  return withAppInChromium(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    // tsx/esbuild keeps function names with a `__name` helper that page.evaluate code lacks.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(url);
    await page.getByTestId('new-project-name').fill('Bench');
    await page.getByTestId('new-project-coder').fill('A');
    await page.getByTestId('create-project').click();
    await page.getByTestId('nav-documents').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    await (await chooser).setFiles([PDF]);
    await page.getByTestId('close-import').waitFor({ timeout: 60_000 });

    // Seed 185 more documents and 20,000 passages with the raw IndexedDB API.
    const seeded = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('overens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const get = <T,>(store: string) =>
        new Promise<T[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
        });
      type Row = Record<string, unknown> & { id: string };
      const [doc] = await get<Row & { projectId: string }>('documents');
      const [content] = await get<{ documentId: string; text: string; pageStarts: number[] }>('documentContents');
      const [coder] = (await get<Row & { kind: string }>('coders')).filter((c) => c.kind === 'human');
      const [version] = await get<Row & { content: { variables: { id: string; values: { id: string }[] }[] } }>('codebookVersions');
      const text = content!.text;
      const tx = db.transaction(['documents', 'documentContents', 'segments'], 'readwrite');
      const docIds = [doc!.id];
      for (let i = 1; i < 186; i++) {
        const id = `bench-doc-${i}`;
        docIds.push(id);
        tx.objectStore('documents').put({ ...doc, id, fileName: `kopia-${String(i).padStart(3, '0')}.pdf`, sha256: i.toString(16).padStart(64, '0') });
        tx.objectStore('documentContents').put({ ...content, documentId: id });
      }
      const variables = version!.content.variables;
      let n = 0;
      for (let k = 0; k < 20_000; k++) {
        const documentId = k < 2000 ? doc!.id : docIds[1 + (k % 185)]!;
        const variable = variables[k % variables.length]!;
        const start = (k * 37) % (text.length - 40);
        const end = start + 5 + (k % 30);
        tx.objectStore('segments').put({
          id: `bench-seg-${k}`,
          projectId: doc!.projectId,
          documentId,
          coderId: coder!.id,
          codebookVersionId: version!.id,
          variableId: variable.id,
          valueId: variable.values[0]!.id,
          selector: { position: { start, end }, quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }, page: 1 },
          memo: '',
          orphaned: false,
          createdAt: 1,
          updatedAt: 1,
        });
        n++;
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return { documents: docIds.length, segments: n, openDocument: doc!.id };
    });

    // (1) Open the document with 2,000 passages: time to the first highlighted page.
    await page.goto(`${url}#/projects`);
    await page.getByTestId('project-item').first().waitFor();
    const t0 = Date.now();
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), seeded.openDocument);
    await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 60_000, polling: 16 });
    const openMs = Date.now() - t0;

    // (2) Key press → committed coding, 40 times.
    await page.locator('[data-testid="coding-variable"][data-variable="lvm"]').click();
    const latencies: number[] = [];
    const shownLatencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      await page.evaluate((i) => {
        const layer = [...document.querySelectorAll('[data-page="1"] .textLayer span')].filter((s) => /\S{4}/.test(s.textContent ?? ''));
        const span = layer[(i * 7) % layer.length]!;
        const node = span.firstChild as Text;
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.data.length, 4));
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        document.querySelector('[data-testid="viewer-scroll"]')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      }, i);
      await page.getByTestId('selection-info').waitFor();
      const { committed, shown } = await page.evaluate(
        () =>
          new Promise<{ committed: number; shown: number }>((resolve) => {
            performance.clearMarks('overens:coding-committed');
            const state = document.querySelector('[data-testid="save-state"]')!;
            let start = 0;
            const observer = new MutationObserver(() => {
              if (start && state.className.includes('saved') && !state.className.includes('saving')) {
                observer.disconnect();
                const mark = performance.getEntriesByName('overens:coding-committed')[0];
                resolve({ committed: (mark?.startTime ?? Number.NaN) - start, shown: performance.now() - start });
              }
            });
            observer.observe(state, { attributes: true, childList: true, characterData: true, subtree: true });
            start = performance.now();
            window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
          }),
      );
      latencies.push(committed);
      shownLatencies.push(shown);
    }
    // (3) Painting: every repaint of the 2,000 passages (on each page rendered and each coding),
    // while the document is scrolled from end to end (DocumentPane's 'overens:paint' measures).
    await page.evaluate(() => performance.clearMeasures('overens:paint'));
    for (let step = 0; step < 400; step++) {
      const done = await page.evaluate(() => {
        const el = document.querySelector('.viewer-scroll') as HTMLElement;
        el.scrollBy(0, el.clientHeight);
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await page.waitForTimeout(50);
      if (done) break;
    }
    await page.waitForTimeout(500);
    const paints = await page.evaluate(() => performance.getEntriesByName('overens:paint').map((e) => e.duration));
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * q) - 1]!;

    const p95 = p(latencies, 0.95);
    const median = p(latencies, 0.5);
    const shownP95 = p(shownLatencies, 0.95);
    const paintP95 = p(paints, 0.95);
    const paintMax = Math.max(...paints);
    return [
      {
        area: 'Coding: open a document',
        input: `${seeded.documents} documents, ${seeded.segments.toLocaleString('en')} passages; the opened PDF holds 2,000`,
        result: `first highlighted page after ${openMs} ms`,
        target: '≤ 1 s',
        pass: openMs <= 1000,
      },
      {
        area: 'Coding: value key → committed',
        input: 'same project, 40 key presses with a selection',
        result: `committed: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms; "Saved" on screen: p95 ${shownP95.toFixed(1)} ms`,
        target: 'p95 ≤ 50 ms',
        pass: p95 <= 50,
      },
      {
        area: 'Viewer: painting',
        input: `the PDF with 2,000 passages (labelled, one highlight per value colour and kind), scrolled end to end: ${paints.length} repaints`,
        result: `p95 ${paintP95.toFixed(1)} ms, max ${paintMax.toFixed(1)} ms`,
        target: 'p95 ≤ 16 ms (one frame)',
        pass: paintP95 <= 16,
      },
    ];
  });
}
