// The study finished, as the issue asked (issue 12, "Done means"): 24 agreements from the
// synthetic corpus, coder Anna (the lead) judges all of them, coder Bertil a seeded 6-agreement
// reliability sample with 4 disagreements, 3 resolved in the review. The final dataset has every
// cell with its provenance and 1 unresolved; prevalence by level equals a hand count from the
// corpus' truth.csv; the report's numbers and Swedish formatting are right; the long export
// carries provenance and `overens prevalence` on it alone gives the same table; a DOCX twin is
// linked, not counted twice; Bertil cannot unblind. Screenshots in Swedish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { DocumentsModel, SHARED } from './models/documents';
import { seedJudgements, type SeedRow } from './models/study';
import { cli } from '../unit/cli/run-cli';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DIR = `${SHARED}corpus/synthetic/`;
const PDFS = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort().slice(0, 24);
const truth = Papa.parse<{ file: string; variable: string; value: string }>(readFileSync(`${DIR}truth.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) => PDFS.includes(r.file));
const levels = new Map(Papa.parse<{ file: string; level: string }>(readFileSync(`${DIR}documents.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.file, r.level]));

async function download(page: Page, testId: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await event).path())!, 'utf8');
}

/** Hand count from truth.csv: per level, n, missing and the share (0 decimals) of each value. */
function handCount(variable: string, missing: ReadonlySet<string>, order: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const level of ['county', 'local']) {
    const files = PDFS.filter((f) => levels.get(f) === level);
    const valued = files.filter((f) => !missing.has(f));
    const value = (f: string) => truth.find((r) => r.file === f && r.variable === variable)!.value;
    const shares = order.map((v) => ((100 * valued.filter((f) => value(f) === v).length) / valued.length).toFixed(0));
    out.set(level, `${shares.join('')}${valued.length}${files.length - valued.length}`);
  }
  return out;
}

describe('the study finished: final dataset, review, report and exports', () => {
  it('goes from 24 agreements to a final dataset a methods section can describe', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Slutligt', 'Anna');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');

    // 24 agreements, their attributes, and the DOCX of the first one: a twin, linked.
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles(PDFS.map((f) => `${DIR}${f}`));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-attributes').click();
    await (await chooser).setFiles(`${DIR}documents.csv`);
    await expect.poll(() => page.getByTestId('attributes-matched').textContent()).toBe('24 dokument får egenskaper från filen.');
    await page.getByTestId('apply-attributes').click();
    await docs.importFiles([`${DIR}s001-stockholm.docx`]);
    await expect.poll(() => page.getByTestId('import-twin').textContent()).toContain('liknar s001-stockholm.pdf (100,0 % av ordföljderna gemensamma)');
    await page.getByTestId('import-twin-link').click();
    await expect.poll(() => page.getByTestId('import-twin-decided').textContent()).toContain('länkad till s001-stockholm.pdf som samma överenskommelse');
    await expect.poll(() => page.getByTestId('documents-count').textContent()).toBe('24 överenskommelser (25 filer)');
    expect(await page.getByTestId('twin-badge').textContent()).toContain('samma överenskommelse som s001-stockholm.pdf');

    // Anna judges every agreement (the corpus' truth for its 19 variables).
    expect(await seedJudgements(page, truth.map((r): SeedRow => ({ ...r, coder: 'Anna' })), 1_000)).toBe(24 * 19);

    // A seeded, stratified sample of 6 for Bertil.
    await app.goTo('reliability');
    await page.getByLabel('Urvalets storlek').selectOption('n');
    await page.getByTestId('sample-amount').fill('6');
    await page.getByTestId('sample-stratum').selectOption('level');
    await page.getByTestId('draw-sample').click();
    await expect.poll(() => page.getByTestId('sample-result').textContent()).toBe('6 av 24 dokument.');
    await page.getByTestId('assign-sample').click();
    await expect.poll(() => page.getByTestId('notice-info').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('6 dokument tilldelades Bertil.')]));
    const sample = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const tx = req.result.transaction(['assignments', 'documents']);
            const a = tx.objectStore('assignments').getAll();
            const d = tx.objectStore('documents').getAll();
            tx.oncomplete = () => {
              const ids = new Set((a.result as { documentId: string; role: string }[]).filter((x) => x.role === 'reliability').map((x) => x.documentId));
              resolve((d.result as { id: string; fileName: string }[]).filter((x) => ids.has(x.id)).map((x) => x.fileName).sort());
            };
          };
        }),
    );
    expect(sample).toHaveLength(6);

    // Bertil, with open reliability assignments: blind, and he cannot unblind.
    await app.setCoder('Bertil');
    await app.goTo('coding');
    await page.getByTestId('blind-toggle').waitFor();
    expect(await page.getByTestId('blind-toggle').isChecked()).toBe(true);
    expect(await page.getByTestId('blind-toggle').isDisabled()).toBe(true);
    expect(await page.getByTestId('blind-state').getAttribute('data-reason')).toBe('reliability');
    expect(await page.getByTestId('open-blinding').count()).toBe(0);
    await screenshot(page, 'final-coding-bertil-sv');
    await app.goTo('reliability');
    await expect.poll(() => page.getByTestId('reliability-blind').textContent()).toContain('Du har 6 öppna reliabilitetsuppdrag');
    await app.goTo('results');
    await page.getByTestId('results-blind').waitFor();

    // Bertil re-codes the sample: the truth, except 4 cells.
    const value = (file: string, variable: string) => truth.find((r) => r.file === file && r.variable === variable)!.value;
    const lvmDoc = sample.find((f) => value(f, 'LVM') === 'Ja')!;
    const others = sample.filter((f) => f !== lvmDoc);
    const flips = new Map<string, string>([
      [`${lvmDoc}|LVM`, 'Nej'],
      [`${others[0]}|Spelmissbruk`, value(others[0]!, 'Spelmissbruk') === 'Ja' ? 'Nej' : 'Ja'],
      [`${others[1]}|Samsjuklighet`, value(others[1]!, 'Samsjuklighet') === 'Ja' ? 'Nej' : 'Ja'],
      [`${others[2]}|Polisen`, value(others[2]!, 'Polisen') === 'Nej' ? 'Ja, samarbetspart' : 'Nej'],
    ]);
    const bertil = truth.filter((r) => sample.includes(r.file)).map((r): SeedRow => ({ ...r, coder: 'Bertil', value: flips.get(`${r.file}|${r.variable}`) ?? r.value }));
    expect(await seedJudgements(page, bertil, 2_000)).toBe(6 * 19);

    // Anna, the lead, marks the LVM passage of one disagreement as her evidence (coding view keys).
    await app.setCoder('Anna');
    const ids = await docs.idsByFileName();
    const names = [...PDFS, 's001-stockholm.docx'].sort((a, b) => a.localeCompare(b));
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), ids[names.indexOf(lvmDoc)]!);
    await page.getByTestId('pdf-page').first().waitFor();
    await page.locator('[data-testid="coding-variable"][data-variable="lvm"]').click({ position: { x: 4, y: 4 } });
    // The indicator term "LVM" is found in the text: accepting it codes the passage, and the key judges LVM with it as evidence.
    await page.getByTestId('term-hit').first().waitFor();
    await page.getByTestId('accept-term').first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.className.includes('saved'));
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.className.includes('saved'));

    // The review: sorted by document name then codebook order, coders in a fixed order.
    await app.goTo('reliability');
    const title = page.getByTestId('disagreements-title');
    await expect.poll(() => title.textContent()).toBe('Oenigheter: 4 öppna, 0 lösta');
    const items = page.getByTestId('disagreement');
    const order = [...flips.keys()].map((k) => k.split('|') as [string, string]);
    const codebookOrder = ['LVM', 'Samsjuklighet', 'Spelmissbruk', 'Polisen'];
    order.sort((a, b) => a[0].localeCompare(b[0], 'sv') || codebookOrder.indexOf(a[1]) - codebookOrder.indexOf(b[1]));
    expect((await items.locator('.disagree-head').allTextContents()).map((x) => x.replace(/ öppna$/, ''))).toEqual(order.map(([f, v]) => `${f} · ${v}`));
    for (let i = 0; i < 4; i++) expect(await items.nth(i).getByTestId('disagree-coder').allTextContents()).toEqual(['Anna', 'Bertil']);
    // Anna's evidence on the LVM item is the quote, and it opens the passage.
    const lvmItem = items.filter({ hasText: `${lvmDoc} · LVM` });
    await expect.poll(() => lvmItem.getByTestId('evidence-quote').count()).toBe(1);
    expect(await lvmItem.getByTestId('evidence-quote').textContent()).toMatch(/^“.+”$/);
    await lvmItem.getByTestId('evidence-quote').click();
    await page.getByTestId('view-coding').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/coding\?doc=[^&]+&at=\d+$/);
    await app.goTo('reliability');

    // Resolve by keyboard: j (first open), 1 (the first value), r (reason), Enter.
    await page.getByTestId('disagreements').focus();
    await page.keyboard.press('j');
    const first = items.first();
    await page.keyboard.press('2');
    await page.keyboard.press('r');
    await page.keyboard.type('Bertils läsning först; ändras nedan.');
    await page.keyboard.press('Enter');
    await expect.poll(() => title.textContent()).toBe('Oenigheter: 3 öppna, 1 lösta');
    // …then changed to Anna's value, with the history kept.
    await page.getByTestId('disagree-status').selectOption('all');
    const annaValue = await first.getByTestId('disagree-value').first().textContent();
    await first.getByTestId('change-consensus').click();
    const annaOption = (await first.getByTestId('consensus-value').locator('option').allTextContents()).find((o) => o.endsWith(` ${annaValue}`))!;
    await first.getByTestId('consensus-value').selectOption({ label: annaOption });
    await first.getByTestId('consensus-reason').fill('Texten säger som Anna.');
    await first.getByTestId('resolve').click();
    await expect.poll(() => first.getByTestId('consensus').textContent()).toBe(`Konsensus: ${annaValue} — Texten säger som Anna.`);
    expect(await first.getByTestId('consensus-history').locator('li').count()).toBe(2);
    // Two more with the mouse, each to Anna's value; the last (Polisen or whichever is last) stays open.
    for (const i of [1, 2]) {
      const item = items.nth(i);
      const anna = (await item.getByTestId('disagree-value').first().textContent())!;
      const option = (await item.getByTestId('consensus-value').locator('option').allTextContents()).find((o) => o.endsWith(` ${anna}`))!;
      await item.getByTestId('consensus-value').selectOption({ label: option });
      await item.getByTestId('consensus-reason').fill('Enligt texten.');
      await item.getByTestId('resolve').click();
      await item.getByTestId('consensus').waitFor();
    }
    await expect.poll(() => title.textContent()).toBe('Oenigheter: 1 öppna, 3 lösta');
    const [openFile, openVariable] = order[3]!;
    await screenshot(page, 'final-review-sv');

    // The lead starts the review stage: an explicit, confirmed and recorded unblinding.
    await app.goTo('coding');
    await page.getByTestId('open-blinding').click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('blinding-stage').selectOption('review');
    await expect.poll(() => page.getByTestId('blinding-log').locator('li').count()).toBe(1);
    await page.getByTestId('blinding-settings').getByRole('button', { name: 'Stäng' }).click();

    // The final dataset: every cell's provenance, by hand: 3 consensus, 6 × 19 − 4 = 110 agreed,
    // 18 × 19 = 342 single coder, 1 unresolved, 24 × (37 − 19) = 432 not judged.
    await app.goTo('results');
    await page.getByTestId('final-status').waitFor();
    expect(await page.getByTestId('final-summary').textContent()).toBe('0 av 24 överenskommelser är kompletta (kodbok version 1).');
    const counts = Object.fromEntries(await Promise.all(['consensus', 'agreed', 'single', 'unresolved', 'unjudged'].map(async (p) => [p, (await page.getByTestId(`final-count-${p}`).textContent())!.replace(/^\D+/, '')])));
    expect(counts).toEqual({ consensus: '3', agreed: '110', single: '342', unresolved: '1', unjudged: '432' });
    expect(await page.getByTestId('fix-unresolved').allTextContents()).toEqual([`${openFile} · ${openVariable}`]);
    await page.getByTestId('results-by').selectOption('level');
    // Prevalence by level equals the hand count from truth.csv (the unresolved cell is missing).
    const groupName = { county: 'Länsgemensamma överenskommelser', local: 'Lokala överenskommelser' };
    for (const [variable, values] of [['LVM', ['Ja', 'Nej']], [openVariable, openVariable === 'Polisen' ? ['Ja, samarbetspart', 'Benämns, men ej samverkan/samarbete', 'Nej'] : ['Ja', 'Nej']]] as const) {
      const expected = handCount(variable, new Set(variable === openVariable ? [openFile] : []), [...values]);
      const table = page.getByTestId('results-table').filter({ has: page.getByRole('heading', { name: variable, exact: true }) });
      await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([`${groupName.county}${expected.get('county')}`, `${groupName.local}${expected.get('local')}`]);
    }
    await screenshot(page, 'final-results-sv');

    // The report: computed methods, Swedish number format, blinding stated, reliability in codebook order.
    const html = await download(page, 'export-report');
    const text = html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, ' ');
    const county = PDFS.filter((f) => levels.get(f) === 'county').length;
    expect(text).toContain(`det slutliga datamaterialet: 24 överenskommelser (${county} länsgemensamma överenskommelser, ${24 - county} lokala överenskommelser) kodade med kodbokens version 1`);
    expect(text).toContain('konsensusbedömning (3 värden), från kodare som var överens (110) eller från den enda kodare som bedömde variabeln (342); 1 olösta oenigheter och 432 ej bedömda');
    expect(text).toMatch(/Reliabilitetsurvalet drogs slumpmässigt \d{4}-\d\d-\d\d: 6 av 24 överenskommelser, stratifierat efter level \(slumpfrö 1\)\./);
    expect(text).toContain('Kodarna skilde sig åt i 4 bedömningar; 3 avgjordes genom konsensus med en motivering och 1 är fortfarande olösta.');
    expect(text).toContain('6 överenskommelser bedömdes av två eller fler kodare.');
    expect(text).toContain('Kodningen var blind: varje kodare såg bara sina egna markeringar');
    expect(text).toMatch(/Ändringar av blindningen \(alla gjorda av projektledaren och registrerade\): \d{4}-\d\d-\d\d: granskningsfasen började \(Anna\)\./);
    expect(text).toMatch(/α varierade mellan −?\d,\d{3} och \d,\d{3} \(\d+ av \d+ variabler ≥ 0,800/);
    // No decimal point in a Swedish number anywhere in the report's text.
    expect(text.match(/\d\.\d/g)).toBeNull();
    const reliabilityRows = [...html.matchAll(/<table data-table="reliability">(.*?)<\/table>/gs)][0]![1]!.match(/<tr><td>([^<]+)<\/td>/g)!.map((r) => r.replace(/<[^>]+>/g, ''));
    const codebookLabels = JSON.parse(readFileSync(new URL('../../codebook/vardanalys-2017.json', import.meta.url), 'utf8')).content.variables.map((v: { label: { sv: string } }) => v.label.sv) as string[];
    const shown = reliabilityRows.slice(0, -1);
    expect(shown).toEqual([...shown].sort((a, b) => codebookLabels.indexOf(a) - codebookLabels.indexOf(b)));

    // The long export: every coder's rows and the final rows with their provenance; no twin rows.
    const long = await download(page, 'dataset-long');
    const rows = Papa.parse<string[]>(long.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 5)).toEqual(['document', 'coder', 'variable', 'value', 'provenance']);
    const finals = rows.filter((r) => r[1] === 'final');
    expect(finals).toHaveLength(24 * 37);
    expect(rows.some((r) => r[0] === 's001-stockholm.docx')).toBe(false);
    expect(finals.filter((r) => r[4] === 'unresolved').map((r) => [r[0], r[2]])).toEqual([[openFile, openVariable]]);
    expect(finals.filter((r) => r[4] === 'consensus')).toHaveLength(3);
    // …and `overens prevalence` on it alone (documents.csv from its own columns) gives the table above.
    const dir = mkdtempSync(path.join(tmpdir(), 'overens-final-e2e-'));
    const header = rows[0]!;
    const documentRows = new Map(rows.slice(1).map((r) => [r[0]!, r.slice(5)]));
    writeFileSync(path.join(dir, 'lang.csv'), long);
    writeFileSync(path.join(dir, 'documents.csv'), Papa.unparse([['document', ...header.slice(5)], ...[...documentRows].map(([d, a]) => [d, ...a])]));
    const out = await cli(['prevalence', path.join(dir, 'lang.csv'), '--documents', path.join(dir, 'documents.csv'), '--by', 'level', '--coder', 'final', '--json']);
    // stderr only names the values no coder gave (their labels are not in the file; --codebook lists them).
    expect(out.stderr.split('\n').filter((l) => l && !l.includes('were given by no coder'))).toEqual([]);
    const lvm = (JSON.parse(out.stdout).variables as { variable: string; groups: { group: string; n: number; missing: number; values: { value: string; count: number }[] }[] }[]).find((v) => v.variable === 'LVM')!;
    const ja = (level: string) => PDFS.filter((f) => levels.get(f) === level && value(f, 'LVM') === 'Ja').length;
    expect(lvm.groups.map((g) => [g.group, g.n, g.missing, g.values.find((x) => x.value === 'Ja')?.count ?? 0])).toEqual([['county', county, 0, ja('county')], ['local', 24 - county, 0, ja('local')]]);

    // The same screens in English.
    await app.setLanguage('en');
    await expect.poll(() => page.getByTestId('final-summary').textContent()).toBe('0 of 24 agreements are complete (codebook version 1).');
    await screenshot(page, 'final-results-en');
    await app.goTo('reliability');
    await expect.poll(() => page.getByTestId('disagreements-title').textContent()).toBe('Disagreements: 1 open, 3 resolved');
    await screenshot(page, 'final-review-en');
    await app.goTo('documents');
    await screenshot(page, 'final-documents-en');

    // A "not judged" link opens the agreement at its first unjudged variable (not the first one).
    await app.setLanguage('sv');
    await app.goTo('results');
    await page.getByTestId('final-unjudged').locator('summary').click();
    await page.getByTestId('fix-unjudged').first().click();
    const current = page.locator('[data-testid="coding-variable"].current .coding-variable-label');
    const judged = new Set(truth.map((r) => r.variable));
    const firstUnjudged = codebookLabels.find((l) => !judged.has(l))!;
    // The coding view opens (at the remembered variable) before the link's variable is applied: wait for it.
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toBe(firstUnjudged);
    expect(judged.has(firstUnjudged)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
