// A scanned agreement (three page images, no text layer) imported: its pages are recognised
// offline in workers with progress, a recognised passage is selected and coded on the scan, and
// after a reload the highlight is where it was. Screenshots in Swedish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { CodingModel, DocumentsModel, SHARED } from './models/documents';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Select the words of `phrase` in the OCR text layer (one span per word) as a user would drag over them. */
async function selectWords(page: Page, phrase: string): Promise<void> {
  await page.waitForFunction(
    (words) => {
      const info = document.querySelector('[data-testid="selection-info"]')?.textContent ?? '';
      if (info.includes(String(words.join(' ').length)) && window.getSelection()?.toString().trim() === words.join(' ')) return true;
      const spans = [...document.querySelectorAll<HTMLElement>('.ocr-word')];
      for (let i = 0; i + words.length <= spans.length; i++) {
        if (words.every((w, j) => spans[i + j]!.textContent!.trim() === w)) {
          const range = document.createRange();
          range.setStart(spans[i]!.firstChild!, 0);
          const last = spans[i + words.length - 1]!.firstChild as Text;
          range.setEnd(last, last.data.trimEnd().length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          document.querySelector('[data-testid="viewer-scroll"]')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return false;
        }
      }
      return false;
    },
    phrase.split(' '),
    { polling: 250, timeout: 60_000 },
  );
}

/** Where the painted passage is on screen (its first range's box). */
async function highlightBox(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    for (const [name, h] of CSS.highlights.entries()) {
      if (name.endsWith('-ffe066') || name.endsWith('-ff8c00')) continue;
      const range = [...h][0] as Range | undefined;
      if (!range) continue;
      const page = (range.startContainer.parentElement as HTMLElement).closest('.pdf-page')!.getBoundingClientRect();
      const box = range.getBoundingClientRect();
      return { x: Math.round(box.x - page.x), y: Math.round(box.y - page.y) };
    }
    return null;
  });
}

describe('OCR of a scanned agreement', () => {
  it('recognises the scan with progress, codes a recognised passage, and keeps the highlight after a reload', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    await new ProjectsModel(page).create('Skannat', 'Anna');
    await new AppModel(page).goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SHARED}corpus/bad/scanned-no-text-layer.pdf`]);

    // The import report shows the recognition running, page by page, with a cancel button.
    const status = page.getByTestId('import-panel').getByTestId('ocr-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('running');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Textigenkänning \(OCR\): sida \d – \d av 3 sidor klara/);
    await page.getByTestId('ocr-cancel').waitFor();
    await screenshot(page, 'ocr-progress-sv');

    // The document can be opened and coded while later pages are still recognised.
    await docs.open('scanned-no-text-layer.pdf');
    await page.locator('.ocr-word').first().waitFor({ timeout: 120_000 });
    const coding = new CodingModel(page);
    await coding.variable('spelmissbruk').click({ position: { x: 4, y: 4 } });
    await selectWords(page, 'spel om pengar');
    await page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => coding.highlightedTexts(), { timeout: 10_000 }).toEqual(['spel ', 'om ', 'pengar']);
    const before = await highlightBox(page);
    expect(before).not.toBeNull();

    // The stored passage quotes the recognised text.
    const quote = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const all = req.result.transaction('segments').objectStore('segments').getAll();
            all.onsuccess = () => resolve((all.result as { selector: { quote: { exact: string } } }[]).map((s) => s.selector.quote.exact));
          };
        }),
    );
    expect(quote).toEqual(['spel om pengar']);

    // All three pages recognised: each page says how sure the recognition was.
    await expect.poll(() => page.getByTestId('ocr-status').getAttribute('data-state'), { timeout: 180_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('ocr-status').textContent()).toMatch(/Texten är igenkänd \(OCR\) på 3 sidor/);
    await screenshot(page, 'ocr-coded-sv');

    await page.reload();
    await page.locator('.ocr-word').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => coding.highlightedTexts(), { timeout: 10_000 }).toEqual(['spel ', 'om ', 'pengar']);
    expect(await highlightBox(page)).toEqual(before);
    // Search finds recognised words too.
    await page.getByTestId('viewer-search').fill('beroendeframkallande');
    await expect.poll(() => page.getByTestId('search-count').textContent()).toMatch(/^1 av [1-9]\d*$/);
    await page.getByTestId('viewer-search').fill('');

    await new AppModel(page).setLanguage('en');
    await expect.poll(() => page.getByTestId('ocr-status').textContent()).toMatch(/Text recognised \(OCR\) on 3 pages/);
    await expect.poll(() => page.getByTestId('ocr-page-badge').first().textContent()).toMatch(/^OCR \d+ %/);
    await screenshot(page, 'ocr-coded-en');
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);
});
