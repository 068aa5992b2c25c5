// Assisted coding in the app (issue 16, "Done means"): the lead turns proposals on, five agreements
// are judged (seeded from the synthetic corpus' truth.csv, as the coders would), the sixth shows
// proposals with their evidence sentences painted in the document, one is accepted with `p` and
// recorded as a proposal, the report counts it, and the Reliability view shows the model as a
// coder against Anna. Screenshots in Swedish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { CodingModel, DocumentsModel, SHARED } from './models/documents';
import { seedJudgements, type SeedRow } from './models/study';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DIR = `${SHARED}corpus/synthetic/`;
const PDFS = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort().slice(0, 6);
const truth = Papa.parse<{ file: string; variable: string; value: string }>(readFileSync(`${DIR}truth.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const TIMEOUT = { timeout: 60_000, interval: 250 };

async function download(page: Page, testId: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await event).path())!, 'utf8');
}

/** The judgements stored for one document (IndexedDB). */
async function judgementsOf(page: Page, documentId: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ variableId: string; origin: string; proposalConfidence?: number; valueIds: string[] }[]>((resolve) => {
        const req = indexedDB.open('overens');
        req.onsuccess = () => {
          const all = req.result.transaction('judgements').objectStore('judgements').getAll();
          all.onsuccess = () => resolve((all.result as { documentId: string; variableId: string; origin: string; valueIds: string[] }[]).filter((j) => j.documentId === id));
        };
      }),
    documentId,
  );
}

describe('assisted coding', () => {
  it('proposes with evidence once the lead turns it on, accepts by key, counts it and shows the model as a coder', async () => {
    const { page, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Förslag', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles(PDFS.map((f) => `${DIR}${f}`));
    const ids = await docs.idsByFileName();
    expect(ids).toHaveLength(6);
    // Anna has judged the first five agreements (every variable of truth.csv).
    const seeded = truth.filter((r) => PDFS.slice(0, 5).includes(r.file));
    expect(await seedJudgements(page, seeded.map((r): SeedRow => ({ ...r, coder: 'Anna' })), 1_000)).toBe(seeded.length);

    // Off until the lead turns it on: the sixth agreement shows no proposal.
    const coding = new CodingModel(page);
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), ids[5]!);
    await page.getByTestId('pdf-page').first().waitFor();
    expect(await page.getByTestId('proposal').count()).toBe(0);
    expect(await page.getByTestId('proposal-status').count()).toBe(0);

    // The lead turns proposals on in the Reliability view; the model is evaluated against Anna.
    await app.goTo('reliability');
    await page.getByTestId('proposals-enabled').click();
    await expect.poll(() => page.getByTestId('proposals-enabled').isChecked(), TIMEOUT).toBe(true);
    await expect.poll(() => page.getByTestId('notice-info').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Förslagsinställningen sparades')]));
    await expect.poll(() => page.getByTestId('model-row').count(), TIMEOUT).toBeGreaterThan(0);
    expect(await page.getByTestId('model-table').getAttribute('data-coder')).toBeTruthy();
    const proposedRows = await page.locator('[data-testid="model-row"][data-proposed="yes"]').count();
    expect(proposedRows).toBeGreaterThan(0);
    await page.getByTestId('model-agreement').scrollIntoViewIfNeeded();
    await screenshot(page, 'assist-reliability-sv');

    // The sixth agreement: proposals on the unjudged variables, with evidence in the document.
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), ids[5]!);
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => page.getByTestId('proposal-badge').count(), TIMEOUT).toBeGreaterThan(0);
    // Walk to a variable whose proposal has evidence sentences.
    const cards = page.locator('[data-testid="coding-variable"]').filter({ has: page.getByTestId('proposal-badge') });
    let key: string | null = null;
    for (let i = 0; i < (await cards.count()) && !key; i++) {
      const card = cards.nth(i);
      const candidate = await card.getAttribute('data-variable');
      await card.click({ position: { x: 4, y: 4 } });
      await page.getByTestId('proposal').waitFor();
      if ((await page.getByTestId('proposal-evidence').count()) > 0) key = candidate;
    }
    expect(key).not.toBeNull();
    const quote = (await page.getByTestId('proposal-evidence').first().textContent())!;
    // The evidence is painted in the document as evidence (its own highlight), not as a coding.
    await expect
      .poll(() => page.evaluate(() => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('ov-doc-ev-')).flatMap(([, h]) => [...h].map((r) => r.toString())).join(' ')), TIMEOUT)
      .toContain(quote.replace(/…$/, '').slice(0, 30).split(' ')[0]);
    // A click on a sentence scrolls the document to it.
    await page.getByTestId('proposal-evidence').first().click();
    const proposalText = (await page.getByTestId('proposal').textContent())!;
    expect(proposalText).toMatch(/Modellens förslag: .+ \(säkerhet \d+ %\)/);
    await screenshot(page, 'assist-coding-sv');

    // Accept it with one key: a judgement with origin "proposal" and the model's confidence.
    const before = (await judgementsOf(page, ids[5]!)).length;
    expect(before).toBe(0);
    await page.keyboard.press('p');
    await coding.waitSaved();
    await expect.poll(async () => (await judgementsOf(page, ids[5]!)).length, TIMEOUT).toBe(1);
    const [accepted] = await judgementsOf(page, ids[5]!);
    expect(accepted!.origin).toBe('proposal');
    expect(accepted!.proposalConfidence).toBeGreaterThan(0);
    expect(accepted!.proposalConfidence).toBeLessThanOrEqual(1);
    // The judged variable shows no proposal any more (a proposal never stands over a judgement).
    await expect.poll(() => coding.variable(key!).getByTestId('proposal').count()).toBe(0);
    expect(await coding.variable(key!).locator('.value-button.chosen').count()).toBe(1);

    // The report counts it.
    await app.goTo('results');
    const html = await download(page, 'export-report');
    const text = html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('1 bedömningar godtogs från förslag.');
    expect(text).toContain('projektledaren (Anna) slog på dem');

    // English.
    await app.setLanguage('en');
    await app.goTo('reliability');
    await expect.poll(() => page.getByTestId('model-row').count(), TIMEOUT).toBeGreaterThan(0);
    expect(await page.getByTestId('model-agreement').textContent()).toContain('The model against Anna');
    // The accepted proposal is not evaluated against the model (it would agree with itself): still the five seeded agreements.
    await expect.poll(async () => [...new Set(await page.locator('[data-testid="model-row"] td:nth-child(2)').allTextContents())], TIMEOUT).toEqual(['5']);
    await page.getByTestId('model-agreement').scrollIntoViewIfNeeded();
    await screenshot(page, 'assist-reliability-en');
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), ids[5]!);
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => page.getByTestId('proposal-badge').count(), TIMEOUT).toBeGreaterThan(0);
    await page.locator('[data-testid="coding-variable"]').filter({ has: page.getByTestId('proposal-badge') }).first().click({ position: { x: 4, y: 4 } });
    await expect.poll(() => page.getByTestId('proposal').textContent(), TIMEOUT).toMatch(/The model proposes: .+ \(confidence \d+ %\)/);
    await screenshot(page, 'assist-coding-en');
    const enReport = await (async () => {
      await app.goTo('results');
      const h = await download(page, 'export-report');
      return h.slice(h.indexOf('<body>')).replace(/<[^>]+>/g, ' ');
    })();
    expect(enReport).toContain('1 judgements accepted from proposals.');
    expect(errors).toEqual([]);
  }, 300_000);
});
