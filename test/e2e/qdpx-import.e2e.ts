// Importing a REFI-QDA package in the shape NVivo writes (UTF-16 positions, CRLF as two, an
// emoji, a coder differing between selection and coding, a PDF area selection): the import report
// names how each source's positions were counted and lists what needs checking, in Swedish and in
// English; the passages land on the coded words. Then the Results view exports it for QualCoder.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel } from './models/app';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const raw = 'Överenskommelse om samverkan\r\nVi 🙂 samarbetar kring personer som vårdas enligt LVM.\r\nBarn och unga omfattas.';
const at = (phrase: string) => raw.indexOf(phrase); // UTF-16 units over the raw text: NVivo's counting
const sel = (guid: number, phrase: string, user: number, codingUser: number, code: number) =>
  `<PlainTextSelection guid="${G(guid)}" startPosition="${at(phrase)}" endPosition="${at(phrase) + phrase.length}" creatingUser="${G(user)}"><Coding guid="${G(guid + 100)}" creatingUser="${G(codingUser)}"><CodeRef targetGUID="${G(code)}"/></Coding></PlainTextSelection>`;
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="NVivo-studie" origin="NVivo 12">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Bertil"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="Målgrupp" isCodable="false"><Code guid="${G(11)}" name="LVM" isCodable="true" color="#cc3300"/><Code guid="${G(12)}" name="Barn och unga" isCodable="true" color="#0066cc"/></Code></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(30)}" name="avtal-nvivo.txt" plainTextPath="internal://${G(30)}.txt">
      ${sel(31, 'LVM', 1, 2, 11)}
      ${sel(32, 'Barn och unga', 1, 1, 12)}
      ${sel(33, 'samarbetar', 2, 2, 11)}
    </TextSource>
    <PDFSource guid="${G(40)}" name="bilaga.pdf" path="internal://${G(40)}.pdf">
      <PDFSelection guid="${G(41)}" page="1" firstX="10" firstY="10" secondX="90" secondY="40"><Coding guid="${G(42)}"><CodeRef targetGUID="${G(11)}"/></Coding></PDFSelection>
    </PDFSource>
  </Sources>
</Project>`;

async function nvivoPackage(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${G(30)}.txt`, raw);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

async function importPackage(page: Page, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-qdpx').click();
  await (await chooser).setFiles([{ name: 'nvivo-studie.qdpx', mimeType: 'application/zip', buffer }]);
  await page.getByTestId('qdpx-report').waitFor({ timeout: 20_000 });
}

describe('REFI-QDA import report', () => {
  it('names each source’s counting and what to check, in Swedish and English; passages land on the coded words', async () => {
    const { page, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await app.goTo('projects');
    await importPackage(page, await nvivoPackage());
    const report = page.getByTestId('qdpx-report');
    expect(await report.getByTestId('qdpx-report-counts').textContent()).toBe('"NVivo-studie" (från NVivo 12): 1 källor, 2 användare, 3 koder, 3 markeringar, 3 kodningar.');
    expect(await report.getByTestId('qdpx-report-positions').locator('tbody tr').allTextContents()).toEqual(['avtal-nvivo.txtUTF-16-enheter, radbrytning CRLF som två tecken100 %']);
    const problems = await report.getByTestId('qdpx-report-problems').locator('li').allTextContents();
    expect(problems).toEqual(
      expect.arrayContaining([
        'bilaga.pdf: 1 områdesmarkering(ar) i PDF:en (PDFSelection, sidor 1) kan inte föras över till text och hoppades över',
        'avtal-nvivo.txt: 1 kodning(ar) anger en annan användare än sin markering; kodningens användare (Coding@creatingUser) räknas som kodare',
      ]),
    );
    await screenshot(page, 'qdpx-import-report-sv');
    await page.getByTestId('qdpx-report-close').click();
    await expect.poll(() => report.isVisible(), { timeout: 10_000 }).toBe(false);

    // The passages are on the coded words (read from the database the app wrote).
    const quotes = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const all = req.result.transaction('segments').objectStore('segments').getAll();
            all.onsuccess = () => resolve((all.result as { selector: { quote: { exact: string } } }[]).map((s) => s.selector.quote.exact).sort());
          };
        }),
    );
    expect(quotes).toEqual(['Barn och unga', 'LVM', 'samarbetar']);

    // In English; the same package again: its GUIDs are in the database now, so they get new ids, and the report says so.
    await app.setLanguage('en');
    await expect.poll(async () => (await page.getByTestId('import-qdpx').textContent()) ?? '', { timeout: 10_000 }).toContain('Import REFI-QDA');
    await importPackage(page, await nvivoPackage());
    expect(await report.getByTestId('qdpx-report-counts').textContent()).toBe('"NVivo-studie" (from NVivo 12): 1 sources, 2 users, 3 codes, 3 selections, 3 codings.');
    expect(await report.getByTestId('qdpx-report-positions').locator('tbody tr').allTextContents()).toEqual(['avtal-nvivo.txtUTF-16 units, line break CRLF as two100 %']);
    expect(await report.getByTestId('qdpx-report-problems').locator('li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ GUID\(s\) in the package are already in the database \(the package was imported before\) and were given new ids/)]),
    );
    await screenshot(page, 'qdpx-import-report-en');
    await page.getByTestId('qdpx-report-close').click();
    expect(errors).toEqual([]);
  }, 120_000);
});
