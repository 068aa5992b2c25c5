// Documents end to end: import a PDF and a DOCX (and bad files, each with its message), open each,
// highlight a passage, reload, and find the highlights where they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

const PDF = `${SHARED}corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf`;
const DOCX = `${SHARED}corpus/synthetic/s001-stockholm.docx`;

describe('documents', () => {
  it('imports, reports bad files, highlights passages in a PDF and a DOCX, and keeps them across a reload', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Dalarna', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([PDF, DOCX, `${SHARED}corpus/bad/empty.pdf`, `${SHARED}corpus/bad/picture-named.pdf`, `${SHARED}corpus/bad/zip-slip.docx`]);
    expect(await docs.results('imported')).toHaveLength(2);
    const failed = await docs.results('failed');
    expect(failed).toHaveLength(3);
    expect(failed.join('\n')).toMatch(/empty\.pdf: filen är tom/);
    expect(failed.join('\n')).toMatch(/picture-named\.pdf: filen är en bild/);
    expect(failed.join('\n')).toMatch(/zip-slip\.docx: filen innehåller otillåtna sökvägar/);
    await screenshot(page, 'documents-import-sv');

    // Importing the PDF again is reported as a duplicate.
    await docs.importFiles([PDF]);
    expect(await docs.results('duplicate')).toHaveLength(1);
    await page.getByTestId('close-import').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);

    const coding = new CodingModel(page);
    // PDF: pdf.js text layer.
    await docs.open('dalarna-2021-lansovergripande-overenskommelse.pdf');
    await page.getByTestId('pdf-page').first().waitFor();
    await coding.select('spel om pengar');
    await coding.variable('spelmissbruk').click();
    await page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => coding.highlightedTexts()).toEqual(['spel om pengar']);
    await screenshot(page, 'coding-pdf-sv');

    // DOCX: sanitised HTML.
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('text-view').waitFor();
    await coding.select('gravida kvinnor med missbruk');
    await coding.variable('gravida').click();
    await page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => coding.highlightedTexts()).toEqual(['gravida kvinnor med missbruk']);

    await page.reload();
    await page.getByTestId('text-view').waitFor();
    await expect.poll(() => coding.highlightedTexts()).toEqual(['gravida kvinnor med missbruk']);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => coding.highlightedTexts()).toEqual(['spel om pengar']);

    // Importing the same PDF again as a new version carries the passage over, re-anchored.
    await app.goTo('documents');
    await docs.importFiles([PDF]);
    await page.getByTestId('import-anyway').click();
    await expect.poll(() => page.getByTestId('import-carried').textContent()).toContain('1 markeringar återfunna, 0 kunde inte placeras');
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(3);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives every broken file of the corpus its own message and imports the rest', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'en-GB' });
    await new ProjectsModel(page).create('Bad files', 'Anna');
    await new AppModel(page).goTo('documents');
    const docs = new DocumentsModel(page);
    const bad = ['truncated.pdf', 'corrupt.pdf', 'empty.pdf', 'empty.docx', 'picture-named.pdf', 'pdf-named.docx', 'password-protected.pdf', 'scanned-no-text-layer.pdf', 'no-document-xml.docx', 'truncated.docx', 'zip-slip.docx'];
    await docs.importFiles(bad.map((f) => `${SHARED}corpus/bad/${f}`));
    const failed = (await docs.results('failed')).join('\n');
    const imported = (await docs.results('imported')).join('\n');
    for (const f of ['truncated.pdf', 'corrupt.pdf', 'empty.pdf', 'empty.docx', 'picture-named.pdf', 'password-protected.pdf', 'no-document-xml.docx', 'truncated.docx', 'zip-slip.docx']) {
      expect(failed, f).toContain(`${f}: `);
    }
    expect(failed).toMatch(/password-protected\.pdf: the PDF is password-protected/);
    // A scan without a text layer is imported and its pages go to OCR (test/e2e/ocr.e2e.ts follows it to the end).
    expect(imported).toMatch(/scanned-no-text-layer\.pdf.*imported.*(Text recognition \(OCR\)|Waiting for text recognition)/);
    expect(imported).toMatch(/pdf-named\.docx.*imported as what it is/);
    await screenshot(page, 'documents-bad-files-en');

    // The password prompt imports the protected PDF.
    page.once('dialog', (dialog) => void dialog.accept('hemligt'));
    await page.getByTestId('import-password').click();
    // A new import worker starts and loads pdf.js for the retry: give it time on a loaded machine.
    await expect.poll(async () => (await docs.results('imported')).join('\n'), { timeout: 20_000 }).toMatch(/password-protected\.pdf/);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
