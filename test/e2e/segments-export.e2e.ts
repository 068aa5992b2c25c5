// The Results view's passage exports: a passage coded in a text document comes out of
// "Markeringar (XLSX)" with the same columns and values as "Markeringar (CSV)".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
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

async function download(page: Page, testId: string): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await event).path())!);
}

describe('passage exports', () => {
  it('exports coded passages as XLSX with the CSV\'s columns and values', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Markeringar', 'Anna');
    await app.goTo('documents');
    const file = `${SHARED}corpus/text/dalarna-2021-utf8.md`;
    const docs = new DocumentsModel(page);
    await docs.importFiles([file]);
    await docs.open('dalarna-2021-utf8.md');
    await page.getByTestId('text-view').waitFor();
    const coding = new CodingModel(page);
    await coding.variable('spelmissbruk').click();
    await coding.select('spel om pengar');
    await page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => coding.highlightedTexts()).toContain('spel om pengar');

    await app.goTo('results');
    await page.getByTestId('dataset-segmentsXlsx').waitFor();
    expect(await page.getByTestId('dataset-segmentsXlsx').textContent()).toBe('Markeringar (XLSX)');
    // No document has a level yet: the tables are not split, and say so in the UI language.
    const first = page.getByTestId('results-table').first();
    expect(await first.locator('thead th').first().textContent()).toBe('Uppdelat på');
    expect(await first.locator('tbody td').first().textContent()).toBe('Alla dokument');
    await screenshot(page, 'results-segments-export-sv');

    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
    const start = text.indexOf('spel om pengar');
    const csv = Papa.parse<string[]>((await download(page, 'dataset-segments')).toString('utf8').trim(), { skipEmptyLines: true }).data;
    expect(csv).toHaveLength(2);
    expect(csv[1]!.slice(0, 8)).toEqual(['dalarna-2021-utf8.md', 'Anna', 'Spelmissbruk', 'Ja', '1', String(start), String(start + 14), 'spel om pengar']);

    const bytes = await download(page, 'dataset-segmentsXlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('segments')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...csv[0]!]);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(Array.from({ length: csv[0]!.length }, (_, i) => row.getCell(i + 1).value)).toEqual(['dalarna-2021-utf8.md', 'Anna', 'Spelmissbruk', 'Ja', 1, start, start + 14, 'spel om pengar', null, 0]);

    await app.setLanguage('en');
    await expect.poll(() => page.getByTestId('dataset-segmentsXlsx').textContent()).toBe('Passages (XLSX)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
