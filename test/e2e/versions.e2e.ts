// A study that revises its coding frame mid-way (issue 19): two coders judge three agreements on
// version 1; version 2 renames, merges, splits and removes values and adds a variable; the
// codings are migrated and every one that needs a decision is decided through the decision list
// (one, undone, then in bulk; one kept under version 1); Reliability and Results use version 2
// with counts on version 2 only and no column of version 1; a .qdc import asks before it
// replaces a draft; a codings file changed after its export is refused. Swedish, then English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const FILES = ['s001-stockholm.docx', 's002-uppsala.docx', 's003-sörmland.docx'];
const POLL = { timeout: 15_000 };

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'overens-versions-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function upload(page: Page, testId: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles([path]);
}

/**
 * Version 1 judgements (Swedish labels of the Vårdanalys template). By design:
 * - Finansiellt ansvar "Delvis" (renamed in v2) and Gemensamma mål (two values merged) move by themselves;
 * - Rutin för tvister "Ja, men otydlig hantering" (split in v2): Anna on s001, Bertil on s001 and s002 → 3 decisions;
 * - Kriminalvården "Benämns, men ej samverkan/samarbete" (removed in v2): Anna and Bertil on s001 → 2 decisions.
 * Movable: 6 + 6 (two variables × 3 documents × 2 coders) + 3 + 4 = 19.
 */
function seedRows(): SeedRow[] {
  const rows: SeedRow[] = [];
  const put = (coder: string, variable: string, values: string[]) => values.forEach((value, i) => rows.push({ file: FILES[i]!, coder, variable, value }));
  for (const coder of ['Anna', 'Bertil']) put(coder, 'Finansiellt ansvar', ['Delvis', 'Delvis', 'Nej']);
  put('Anna', 'Gemensamma mål', ['Ja, tydliga mål', 'Ja, vaga mål', 'Nej']);
  put('Bertil', 'Gemensamma mål', ['Ja, vaga mål', 'Ja, vaga mål', 'Nej']);
  put('Anna', 'Rutin för tvister', ['Ja, men otydlig hantering', 'Ja, tydlig hantering', 'Nej']);
  put('Bertil', 'Rutin för tvister', ['Ja, men otydlig hantering', 'Ja, men otydlig hantering', 'Nej']);
  put('Anna', 'Kriminalvården', ['Benämns, men ej samverkan/samarbete', 'Nej', 'Nej']);
  put('Bertil', 'Kriminalvården', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']);
  return rows;
}

describe('codebook versions a study can live through', () => {
  it('publishes version 2, migrates, decides every coding through the list, and analyses version 2 only', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Versioner', 'Anna');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles(FILES.map((f) => `${SHARED}corpus/synthetic/${f}`));
    await page.getByTestId('close-import').click();
    expect(await seedJudgements(page, seedRows(), 1000)).toBe(24);

    // Version 2 in the editor.
    await app.goTo('codebook');
    await page.getByTestId('new-draft').click();
    await page.getByTestId('draft-editor').waitFor();
    const edit = (key: string) => page.locator(`[data-testid="edit-variable"][data-variable="${key}"]`);
    // Rename "Delvis".
    await edit('finansiellt_ansvar').locator('summary').click();
    const delvis = edit('finansiellt_ansvar').getByTestId('value-label-sv').nth(1);
    await delvis.fill('Delvis (oklart)');
    await delvis.press('Tab');
    await expect.poll(() => edit('finansiellt_ansvar').locator('.chip').allTextContents(), POLL).toContain('Delvis (oklart)');
    // Merge the two "Ja" values of Gemensamma mål.
    await edit('gemensamma_mal').locator('summary').click();
    await edit('gemensamma_mal').getByTestId('merge-select').nth(0).check();
    await edit('gemensamma_mal').getByTestId('merge-select').nth(1).check();
    page.once('dialog', (dialog) => void dialog.accept('Ja'));
    await edit('gemensamma_mal').getByTestId('merge-values').click();
    await expect.poll(() => edit('gemensamma_mal').getByTestId('edit-value').count(), POLL).toBe(2);
    // Split "Ja, men otydlig hantering" into two values, each with its definition.
    await edit('tvister').locator('summary').click();
    await edit('tvister').getByTestId('split-value').nth(1).click();
    const split = page.getByTestId('split-dialog');
    await split.waitFor();
    await split.getByTestId('split-label').nth(0).fill('Ja, otydlig skriftlig');
    await split.getByTestId('split-definition').nth(0).fill('En skriftlig rutin utan ansvarig part.');
    await split.getByTestId('split-label').nth(1).fill('Ja, muntlig');
    await split.getByTestId('split-definition').nth(1).fill('Rutinen nämns men är inte nedskriven.');
    await screenshot(page, 'versions-split-dialog-sv');
    await split.getByTestId('split-confirm').click();
    await expect.poll(() => edit('tvister').getByTestId('edit-value').count(), POLL).toBe(4);
    // Remove "Benämns, men ej samverkan/samarbete" (used by 2 codings: the question says so).
    await edit('kriminalvarden').locator('summary').click();
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await edit('kriminalvarden').getByTestId('delete-value').nth(1).click();
    await expect.poll(() => edit('kriminalvarden').getByTestId('edit-value').count(), POLL).toBe(2);
    expect(question).toContain('2 kodningar använder "Benämns, men ej samverkan/samarbete"');
    // A new variable.
    await page.getByTestId('new-variable-label').fill('Digital samverkan');
    await page.getByTestId('add-variable-button').click();
    await edit('digital_samverkan').waitFor();
    await page.getByTestId('publish').click();
    const changes = page.getByTestId('change-list');
    await changes.waitFor();
    const changeText = await changes.textContent();
    for (const line of [
      'Finansiellt ansvar: nytt namn Delvis → Delvis (oklart)',
      'Gemensamma mål: Ja, tydliga mål, Ja, vaga mål sammanslagna till Ja',
      'Rutin för tvister: Ja, men otydlig hantering delad i Ja, otydlig skriftlig, Ja, muntlig',
      'Borttagen: Kriminalvården: Benämns, men ej samverkan/samarbete',
      'Tillagd: Digital samverkan',
    ]) {
      expect(changeText).toContain(line);
    }

    // Migrate: what can move, moves; the rest is listed.
    await expect.poll(() => page.getByTestId('migrate').textContent(), POLL).toBe('Flytta 19 kodningar till version 2');
    await page.getByTestId('migrate').click();
    await page.getByTestId('migrate').waitFor({ state: 'detached' });
    const list = page.getByTestId('decision-list');
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('5 kvar att besluta, 0 beslutade.');
    await expect.poll(() => list.getByTestId('decision-row').count()).toBe(5);
    const rowTexts = await list.getByTestId('decision-row').allTextContents();
    expect(rowTexts.filter((r) => r.includes('s001-stockholm.docx') && r.includes('Anna') && r.includes('Rutin för tvister') && r.includes('Ja, men otydlig hantering (version 1)'))).toHaveLength(1);
    expect(rowTexts.filter((r) => r.includes('Kriminalvården') && r.includes('Benämns, men ej samverkan/samarbete togs bort'))).toHaveLength(2);
    await screenshot(page, 'versions-decision-list-sv');

    // The coding view: Anna's Rutin för tvister on s001 needs a decision and is not counted as judged.
    await list.getByTestId('decision-row').filter({ hasText: 'Anna' }).filter({ hasText: 'Rutin för tvister' }).getByTestId('decision-open').click();
    await page.getByTestId('view-coding').waitFor();
    const coding = new CodingModel(page);
    await expect.poll(() => coding.variable('tvister').getByTestId('needs-decision').textContent(), POLL).toContain('Behöver ett beslut (var: Ja, men otydlig hantering i version 1)');
    await expect.poll(() => coding.variable('kriminalvarden').getByTestId('needs-decision').textContent(), POLL).toContain('var: Benämns, men ej samverkan/samarbete i version 1');
    expect(await coding.variable('tvister').locator('.value-button.chosen').count()).toBe(0);
    // Judged on version 2: Finansiellt ansvar and Gemensamma mål only.
    await expect.poll(() => page.getByTestId('judged-progress').textContent(), POLL).toMatch(/^2 av \d+ variabler bedömda$/);
    // A value button's accessible name is its label, without its key digit.
    await coding.variable('tvister').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => coding.variable('tvister').getByRole('button', { name: 'Nej', exact: true }).count(), POLL).toBe(1);
    await screenshot(page, 'versions-coding-needs-decision-sv');

    // Decide: one at a time (then undone), then in bulk.
    await app.goTo('codebook');
    await list.waitFor();
    await list.getByTestId('decision-filter').selectOption({ label: 'Rutin för tvister' });
    await expect.poll(() => list.getByTestId('decision-row').count()).toBe(3);
    const annaRow = list.getByTestId('decision-row').filter({ hasText: 'Anna' });
    // A split allows only its new values, or keeping the coding under version 1.
    expect(await annaRow.getByTestId('decision-choice').locator('option').allTextContents()).toEqual(['välj…', '→ Ja, otydlig skriftlig', '→ Ja, muntlig', 'Behåll under version 1']);
    await annaRow.getByTestId('decision-choice').selectOption({ label: '→ Ja, muntlig' });
    await annaRow.getByTestId('decision-apply').click();
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('4 kvar att besluta, 1 beslutade.');
    await list.getByTestId('decision-undo').click();
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('5 kvar att besluta, 0 beslutade.');
    await list.getByTestId('decision-select-all').check();
    await list.getByTestId('decision-bulk-choice').selectOption({ label: '→ Ja, otydlig skriftlig' });
    await list.getByTestId('decision-bulk-apply').click();
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('2 kvar att besluta, 3 beslutade.');
    // The removed value: Anna's becomes "Nej", Bertil's stays under version 1.
    // Only Kriminalvården is left: the filter goes (it would have one choice).
    await list.getByTestId('decision-filter').waitFor({ state: 'detached' });
    await expect.poll(() => list.getByTestId('decision-row').count(), POLL).toBe(2);
    const krim = (coder: string) => list.getByTestId('decision-row').filter({ hasText: coder });
    expect(await krim('Anna').getByTestId('decision-choice').locator('option').allTextContents()).toEqual(['välj…', '→ Ja, samarbetspart', '→ Nej', 'Inte kodad', 'Behåll under version 1']);
    await krim('Anna').getByTestId('decision-choice').selectOption({ label: '→ Nej' });
    await krim('Anna').getByTestId('decision-apply').click();
    await expect.poll(() => list.getByTestId('decision-row').count(), POLL).toBe(1);
    await krim('Bertil').getByTestId('decision-choice').selectOption({ label: 'Behåll under version 1' });
    await krim('Bertil').getByTestId('decision-apply').click();
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('Alla kodningar är beslutade.');
    expect(await list.getByTestId('decision-progress').textContent()).toContain('(1 ligger kvar under sin äldre version efter beslut.)');
    await screenshot(page, 'versions-decided-sv');

    // Reliability on version 2: counts on version 2 only; what is under version 1 listed, never a column.
    await app.goTo('reliability');
    await expect.poll(() => page.getByTestId('reliability-version').locator('option:checked').textContent(), POLL).toContain('2');
    const relRow = (label: string) => page.getByTestId('reliability-row').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${label}$`) }) });
    // Units: three agreements where both coders judged under version 2; Kriminalvården only two
    // (on s001 Bertil's judgement stays under version 1, so s001 is not comparable there).
    await expect.poll(() => relRow('Rutin för tvister').locator('td').nth(1).textContent(), POLL).toBe('3');
    expect(await relRow('Gemensamma mål').locator('td').nth(1).textContent()).toBe('3');
    expect(await relRow('Finansiellt ansvar').locator('td').nth(1).textContent()).toBe('3');
    expect(await relRow('Kriminalvården').locator('td').nth(1).textContent()).toBe('2');
    expect(await page.getByTestId('reliability-table').textContent()).not.toContain('va17.');
    await expect.poll(() => page.getByTestId('other-versions').textContent(), POLL).toContain('Kriminalvården: 1 (version 1)');
    await screenshot(page, 'versions-reliability-sv');

    // Results on version 2: the split values are columns, the old value is not.
    await app.goTo('results');
    const table = page.getByTestId('results-table').filter({ has: page.getByRole('heading', { name: 'Rutin för tvister', exact: true }) });
    await expect.poll(() => table.locator('th').allTextContents(), POLL).toEqual(['Uppdelat på', 'Ja, tydlig hantering, %', 'Ja, otydlig skriftlig, %', 'Ja, muntlig, %', 'Nej, %', 'n', 'Saknas']);
    expect((await page.locator('.results-table').allTextContents()).join(' ')).not.toContain('va17.');
    await expect.poll(() => page.getByTestId('results-source').textContent()).toContain('version 2');
    expect(await page.getByTestId('other-versions').textContent()).toContain('Kriminalvården: 1 (version 1)');
    await screenshot(page, 'versions-results-sv');
    // Its link leads to the decision list, where the kept coding can be decided again.
    await page.getByTestId('to-decisions').click();
    await list.waitFor();
    await list.getByTestId('decision-show-kept').check();
    await expect.poll(() => list.getByTestId('decision-row').count(), POLL).toBe(1);
    expect(await list.getByTestId('decision-row').textContent()).toContain('behålls under version 1');

    // In English, all the way.
    await app.setLanguage('en');
    await expect.poll(() => list.getByTestId('decision-progress').textContent(), POLL).toContain('Every coding is decided.');
    expect(await list.getByTestId('decision-row').getByTestId('decision-choice').locator('option').allTextContents()).toEqual(['choose…', '→ Yes, collaboration partner', '→ No', 'Not coded']);
    await screenshot(page, 'versions-decided-en');
    // Bertil's judgement is the one kept under version 1.
    await app.setCoder('Bertil');
    await app.goTo('documents');
    await docs.open(FILES[0]!);
    await expect.poll(() => coding.variable('kriminalvarden').getByTestId('needs-decision').textContent(), POLL).toContain('Needs a decision (was: Named, but no collaboration in version 1)');
    await coding.variable('kriminalvarden').click({ position: { x: 4, y: 4 } });
    await screenshot(page, 'versions-coding-needs-decision-en');
    await app.setCoder('Anna');
    await app.goTo('results');
    await expect.poll(() => page.getByTestId('other-versions').textContent(), POLL).toContain('judgements under other codebook versions are not counted here');
    await screenshot(page, 'versions-results-en');
    await app.setLanguage('sv');

    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('asks before a .qdc import replaces a draft, and refuses a codings file changed after its export', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Versioner A', 'Anna');
    await app.goTo('documents');
    await new DocumentsModel(page).importFiles([`${SHARED}corpus/synthetic/${FILES[0]}`]);
    await page.getByTestId('close-import').click();
    await seedJudgements(page, [{ file: FILES[0]!, coder: 'Anna', variable: 'LVM', value: 'Ja' }], 1000);

    // The .qdc of version 1, then a draft with a change of its own.
    await app.goTo('codebook');
    const qdc = await download(page, () => page.getByTestId('export-codebook-qdc').click());
    await page.getByTestId('new-draft').click();
    await page.getByTestId('draft-editor').waitFor();
    await page.getByTestId('new-variable-label').fill('Utkastets variabel');
    await page.getByTestId('add-variable-button').click();
    await page.locator('[data-testid="edit-variable"][data-variable="utkastets_variabel"]').waitFor();
    await upload(page, 'import-codebook-qdc', qdc);
    const ask = page.getByTestId('codebook-import-ask');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Kodboken har redan ett utkast (version 2)');
    await screenshot(page, 'versions-import-ask-sv');
    // A new codebook: the draft keeps its change.
    await ask.getByTestId('import-as-new-codebook').click();
    await page.getByTestId('codebook-select').waitFor();
    expect(await page.getByTestId('codebook-select').locator('option').count()).toBe(2);
    await expect.poll(() => page.getByTestId('codebook-version').textContent(), POLL).toBe('Version 1 · utkast');
    await page.getByTestId('codebook-select').selectOption({ index: 0 });
    await page.locator('[data-testid="edit-variable"][data-variable="utkastets_variabel"]').waitFor();
    // Cancel changes nothing either; replace replaces.
    await upload(page, 'import-codebook-qdc', qdc);
    await ask.waitFor();
    await ask.getByTestId('import-ask-cancel').click();
    await ask.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="edit-variable"][data-variable="utkastets_variabel"]').count()).toBe(1);
    await upload(page, 'import-codebook-qdc', qdc);
    await ask.getByTestId('import-replace-draft').click();
    await page.locator('[data-testid="edit-variable"][data-variable="utkastets_variabel"]').waitFor({ state: 'detached' });

    // A codings file whose judgement was swapped for another valid value after the export.
    await app.goTo('documents');
    const codings = await download(page, () => page.getByTestId('export-codings').click());
    const zip = await JSZip.loadAsync(readFileSync(codings));
    const manifest = await zip.file('manifest.json')!.async('string');
    const swapped = manifest.replace('"valueIds":["va17.lvm.ja"]', '"valueIds":["va17.lvm.nej"]');
    expect(swapped).not.toBe(manifest);
    zip.file('manifest.json', swapped);
    const tampered = join(mkdtempSync(join(tmpdir(), 'overens-versions-')), 'Versioner-A-Anna.ovcodings');
    writeFileSync(tampered, await zip.generateAsync({ type: 'uint8array' }));
    await upload(page, 'import-codings', tampered);
    const report = page.getByTestId('codings-report');
    await report.waitFor();
    await expect.poll(() => report.textContent(), POLL).toContain('Versioner-A-Anna.ovcodings: filen har ändrats efter att den exporterades (kontrollsumman stämmer inte med innehållet). Inget importerades.');
    await screenshot(page, 'versions-tampered-codings-sv');
    await app.setLanguage('en');
    await expect.poll(() => report.textContent(), POLL).toContain('the file was changed after it was exported (its checksum does not match its content). Nothing was imported.');
    await screenshot(page, 'versions-tampered-codings-en');
    await app.setLanguage('sv');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
