// Reliability and results a reader can take in: one short note per row of the reliability table
// (the rest on demand, no Fleiss note where no Fleiss column is shown), variables chosen in a
// searchable checklist by codebook group, and the county charts with empty groups left out and
// PNG exports at twice the size on white. The data: the first 12 synthetic agreements
// (../shared/corpus/synthetic), Anna's judgements from truth.csv, Bertil's for the first six with
// "Gemensamma mål" on the first agreement only (so that variable has one unit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { DocumentsModel, SHARED } from './models/documents';
import { seedJudgements, type SeedRow } from './models/study';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DIR = `${SHARED}corpus/synthetic/`;
const PDFS = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort().slice(0, 12);
const truth = Papa.parse<{ file: string; variable: string; value: string }>(readFileSync(`${DIR}truth.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) => PDFS.includes(r.file));
const POLL = { timeout: 15_000 };

/** Click, catch the download, and return its bytes. */
async function downloadBytes(page: Page, testId: string): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await event).path())!);
}

/** A PNG's size from its IHDR chunk and the colour of its top-left pixel (decoded by the browser). */
async function pngFacts(page: Page, bytes: Buffer): Promise<{ width: number; height: number; corner: number[] }> {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const corner = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(4, 4);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(1, 1, 1, 1).data];
  }, bytes.toString('base64'));
  return { width, height, corner };
}

describe('reliability and results readability', () => {
  it('shows one note per row, a variable checklist by group, and legible county charts exported at 2× on white', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Läsbart', 'Anna');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles(PDFS.map((f) => `${DIR}${f}`));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-attributes').click();
    await (await chooser).setFiles(`${DIR}documents.csv`);
    await expect.poll(() => page.getByTestId('attributes-matched').textContent(), POLL).toBe('12 dokument får egenskaper från filen.');
    await page.getByTestId('apply-attributes').click();

    const bertil = truth.filter((r) => PDFS.slice(0, 6).includes(r.file) && (r.variable !== 'Gemensamma mål' || r.file === PDFS[0]));
    await seedJudgements(page, [...truth.map((r): SeedRow => ({ ...r, coder: 'Anna' })), ...bertil.map((r): SeedRow => ({ ...r, coder: 'Bertil' }))], 1_000);

    // Reliability, two coders: one line of notes per row, never a Fleiss note (no Fleiss column).
    await app.goTo('reliability');
    const rows = page.getByTestId('reliability-row');
    await rows.first().waitFor();
    expect(await page.locator('th', { hasText: 'Fleiss' }).count()).toBe(0);
    const notes = await page.getByTestId('reliability-notes').evaluateAll((cells) => cells.map((c) => ({ text: c.textContent ?? '', lines: c.querySelectorAll('.note-line').length, height: c.getBoundingClientRect().height })));
    for (const n of notes) {
      expect(n.text).not.toMatch(/Fleiss/);
      expect(n.lines).toBeLessThanOrEqual(1);
    }
    // "Gemensamma mål" was judged by both on one agreement: its notes fold into one line + more.
    const goals = rows.filter({ hasText: 'Gemensamma mål' });
    // (Anna judged it on six agreements, Bertil on one: six units, one of them pairable.)
    expect(await goals.locator('td').nth(1).textContent()).toBe('6');
    const goalNotes = goals.getByTestId('reliability-notes');
    expect(await goalNotes.locator('.note-more').textContent()).toMatch(/^\+\d$/);
    const oneLine = (await goalNotes.boundingBox())!.height;
    await goalNotes.locator('summary').click();
    await expect.poll(() => goalNotes.locator('li').count(), POLL).toBeGreaterThan(0);
    // Opening the details did not open the row's category detail (the click stays in the notes).
    expect(await page.getByTestId('category-detail').count()).toBe(0);
    expect((await goalNotes.boundingBox())!.height).toBeGreaterThan(oneLine);

    // The variable checklist: search, a group's box, "show all".
    await page.getByTestId('reliability-variables-summary').click();
    // All 37 variables of the template can be chosen (the table shows those with judgements).
    expect(await page.getByTestId('reliability-variables-summary').textContent()).toBe('Variabler: alla (37)');
    await page.getByTestId('variable-search').fill('lvm');
    await expect.poll(() => page.getByTestId('variable-check').count(), POLL).toBe(1);
    await page.getByTestId('variable-check').check();
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().textContent()).toContain('LVM');
    await page.getByTestId('variable-search').fill('');
    // The "Samverkan" group (codebook group of "Samverkan hur arbetar med SIP") chosen as a whole.
    const group = page.getByTestId('variable-group').filter({ hasText: 'Samverkan hur arbetar med SIP' });
    const inGroup = await group.getByTestId('variable-check').count();
    await group.getByTestId('group-check').check();
    await expect.poll(() => page.getByTestId('reliability-variables-summary').textContent(), POLL).toBe(`Variabler: ${1 + inGroup} av 37`);
    await screenshot(page, 'readability-reliability-sv');
    await page.getByTestId('variables-all').click();
    await expect.poll(() => page.getByTestId('reliability-variables-summary').textContent(), POLL).toBe('Variabler: alla (37)');
    await page.getByTestId('reliability-variables-summary').click();

    // Results by county from Bertil's judgements: six counties have none (n = 0) and are left out.
    await app.goTo('results');
    await page.getByTestId('results-by').selectOption('county');
    await page.getByTestId('results-coder').selectOption({ label: 'Bertil' });
    await page.getByTestId('chart-variable').selectOption({ label: 'LVM' });
    await page.getByTestId('ranking-chart').waitFor();
    const svg = (await downloadBytes(page, 'export-svg')).toString('utf8');
    // The legend names the six counties Bertil judged, and none with n = 0.
    expect(svg).not.toContain('(n = 0)');
    expect(svg.match(/\(n = 1\)/g)?.length).toBe(6);
    const chartBox = (await page.getByTestId('chart').boundingBox())!;
    const png = await pngFacts(page, await downloadBytes(page, 'export-png'));
    expect([png.width, png.height]).toEqual([Math.round(chartBox.width) * 2, Math.round(chartBox.height) * 2]);
    expect(png.corner).toEqual([255, 255, 255, 255]);
    const rankingBox = (await page.getByTestId('ranking-chart').boundingBox())!;
    const rankingPng = await pngFacts(page, await downloadBytes(page, 'export-ranking-png'));
    expect([rankingPng.width, rankingPng.height]).toEqual([Math.round(rankingBox.width) * 2, Math.round(rankingBox.height) * 2]);
    expect(rankingPng.corner).toEqual([255, 255, 255, 255]);
    await page.getByTestId('chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'readability-results-sv');

    await app.setLanguage('en');
    await app.goTo('reliability');
    await rows.first().waitFor();
    expect(await page.getByTestId('reliability-variables-summary').textContent()).toBe('Variables: all (37)');
    await screenshot(page, 'readability-reliability-en');
    await app.goTo('results');
    await page.getByTestId('results-by').selectOption('county');
    await page.getByTestId('results-coder').selectOption({ label: 'Bertil' });
    await page.getByTestId('ranking-chart').waitFor();
    await screenshot(page, 'readability-results-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
