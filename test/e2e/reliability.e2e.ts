// Two coders judge the same three documents differently; the Reliability view shows the α and κ
// computed by hand, and a disagreement is resolved into a consensus judgement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
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

describe('reliability', () => {
  it('shows α and κ for two coders, and records a consensus', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Reliabilitet', 'Anna');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');

    await app.goTo('documents');
    await new DocumentsModel(page).importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`, `${SHARED}corpus/text/dalarna-2021-windows-1252.txt`, `${SHARED}corpus/synthetic/s001-stockholm.docx`]);
    const ids = await page.evaluate(async () => {
      const rows = [...document.querySelectorAll('[data-testid="document-row"]')];
      return rows.length;
    });
    expect(ids).toBe(3);
    // Document ids, in the table's order, from IndexedDB.
    const documentIds = await new DocumentsModel(page).idsByFileName();
    const coding = new CodingModel(page);
    const judgeLvm = async (keys: string[]) => {
      for (const [i, key] of keys.entries()) await coding.judge(documentIds[i]!, 'lvm', [key]);
    };

    // Anna: Ja, Ja, Nej. Bertil: Ja, Nej, Nej. Both also mark the same passage as "Spelmissbruk: Ja".
    const markPassage = async () => {
      await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), documentIds[0]!);
      await coding.variable('spelmissbruk').click();
      await coding.select('spel om pengar');
      await page.keyboard.press('1');
      await coding.waitSaved();
    };
    await judgeLvm(['1', '1', '2']);
    await markPassage();
    await app.setCoder('Bertil');
    await judgeLvm(['1', '2', '2']);
    await markPassage();

    await app.goTo('reliability');
    const lvm = page.getByTestId('reliability-row').filter({ hasText: 'LVM' });
    await lvm.waitFor();
    // By hand: coincidences o(Ja,Ja) = 2, o(Ja,Nej) = o(Nej,Ja) = 1, o(Nej,Nej) = 2; n = 6, n_Ja = n_Nej = 3:
    // α = 1 − (n − 1)·2/(2·3·3) = 1 − 10/18 = 0.444. Cohen: p_o = 2/3, p_e = 4/9, κ = (2/9)/(5/9) = 0.400.
    // The Swedish UI writes a decimal comma.
    expect(await lvm.getByTestId('alpha-cell').textContent()).toBe('0,444');
    // Scott's π by hand: average marginals Ja = Nej = 1/2, p_e = 1/2, π = (2/3 − 1/2)/(1/2) = 0.333,
    // with its 95% CI (Gwet's two-coder SE, t with 2 df) below it; κ and AC1 carry theirs too.
    expect(await lvm.getByTestId('pi-cell').textContent()).toMatch(/^0,333 \[−?\d,\d{3}, \d,\d{3}\]$/);
    expect(await lvm.getByTestId('kappa-cell').textContent()).toMatch(/^0,400 \[−?\d,\d{3}, \d,\d{3}\]$/);
    expect(await lvm.getByTestId('ac1-cell').textContent()).toMatch(/^\d,\d{3} \[−?\d,\d{3}, \d,\d{3}\]$/);
    // α's bootstrap interval on request (1,000 unit resamples, seed 1): shown next to α.
    await page.getByTestId('reliability-bootstrap').check();
    await expect.poll(() => lvm.getByTestId('alpha-cell').textContent()).toMatch(/^0,444 \[−?\d,\d{3}, −?\d,\d{3}\]$/);
    await page.getByTestId('reliability-bootstrap').uncheck();
    // Computed within one codebook version, chosen here (the template's published version 1).
    expect(await page.getByTestId('reliability-version').locator('option').allTextContents()).toEqual(['Version 1']);
    expect(await lvm.textContent()).toContain('0,400');
    // The table as XLSX, read back: the hand-computed α and π, and the method sheet.
    const tableDownload = page.waitForEvent('download');
    await page.getByTestId('reliability-export-xlsx').click();
    const tableFile = readFileSync((await (await tableDownload).path())!);
    const tableBook = new ExcelJS.Workbook();
    await tableBook.xlsx.load(tableFile.buffer.slice(tableFile.byteOffset, tableFile.byteOffset + tableFile.byteLength) as ArrayBuffer);
    const reliabilitySheet = tableBook.getWorksheet('Reliabilitet')!;
    const columns = (reliabilitySheet.getRow(1).values as unknown[]).slice(1) as string[];
    const lvmRow = reliabilitySheet.getRows(2, reliabilitySheet.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1)).find((r) => String(r[0]).startsWith('LVM'))!;
    expect(lvmRow[columns.indexOf('krippendorff_alpha')]).toBe(0.444444);
    expect(lvmRow[columns.indexOf('scott_pi')]).toBe(0.333333);
    expect(tableBook.getWorksheet('Metod')!.getRow(1).getCell(1).value).toBe('Kodare: Anna, Bertil.');
    await lvm.click();
    await page.getByTestId('confusion').waitFor();
    await screenshot(page, 'reliability-sv');

    const disagreement = page.getByTestId('disagreement');
    await expect.poll(() => disagreement.count()).toBe(1);
    await disagreement.getByTestId('consensus-value').selectOption({ label: '1 Ja' });
    await disagreement.getByTestId('consensus-reason').fill('Texten nämner LVM-vård i avsnittet om målgrupper.');
    await disagreement.getByTestId('resolve').click();
    await expect.poll(() => disagreement.getByTestId('consensus').textContent()).toContain('Konsensus: Ja — Texten nämner LVM-vård');
    // The coders' own judgements are unchanged.
    expect(await lvm.getByTestId('alpha-cell').textContent()).toBe('0,444');

    await app.setLanguage('en');
    // The review's counts; resolved items are shown on request.
    await expect.poll(() => page.getByTestId('disagreements').textContent()).toContain('Disagreements: 0 open, 1 resolved');
    expect(await lvm.getByTestId('alpha-cell').textContent()).toBe('0.444');
    await page.getByTestId('disagree-status').selectOption('all');
    expect(await page.getByTestId('disagreement').count()).toBe(1);
    await screenshot(page, 'reliability-en');

    // Results: prevalence by level, read back from the XLSX export.
    await app.setLanguage('sv');
    await app.goTo('documents');
    const levels = ['county', 'local', 'local'];
    for (let i = 0; i < 3; i++) {
      const cell = page.getByTestId('document-row').nth(i).getByTestId('attr-level');
      await cell.fill(levels[i]!);
      await cell.press('Enter');
    }
    await expect.poll(() => page.getByTestId('attr-level').nth(2).inputValue()).toBe('local');
    await app.goTo('results');
    await page.getByTestId('results-coder').selectOption({ label: 'Anna' });
    await page.getByTestId('results-by').selectOption('level');
    const lvmTable = page.getByTestId('results-table').filter({ hasText: 'LVM' });
    await expect.poll(() => lvmTable.locator('tbody tr').allTextContents()).toEqual(['Länsgemensamma överenskommelser100010', 'Lokala överenskommelser505020']);
    await page.getByTestId('chart').locator('canvas').waitFor();
    await screenshot(page, 'results-sv');
    // A stratified reliability sample, assigned to Bertil.
    await app.goTo('reliability');
    // Passage agreement is the second tab (arrow keys move between tabs).
    await page.getByTestId('reliability-tab-judgements').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('passage-agreement').waitFor();
    expect(await page.getByTestId('reliability-table').count()).toBe(0);
    // The two identical passages: α_U = 1 for that code.
    await expect.poll(() => page.getByTestId('passage-agreement').locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Spelmissbruk.*: Ja1\.000/)]);
    // …so cuα has no variation: the statistics explain it in the UI language (Swedish here).
    expect(await page.getByTestId('passage-notes').textContent()).toBe('cuα är odefinierad: inget textavsnitt markerades av två eller fler kodare med olika koder');
    await screenshot(page, 'reliability-passages-sv');
    await page.getByTestId('sample-amount').fill('50');
    await page.getByTestId('sample-stratum').selectOption('level');
    await page.getByTestId('draw-sample').click();
    // ⌈50 % of 1 county⌉ = 1 and ⌈50 % of 2 local⌉ = 1.
    await expect.poll(() => page.getByTestId('sample-result').textContent()).toBe('2 av 3 dokument.');
    await page.getByTestId('assign-sample').click();
    // Bertil now has open reliability assignments: he sees nobody else's judgements. Anna looks at the results.
    await app.goTo('results');
    await page.getByTestId('results-blind').waitFor();
    await app.setCoder('Anna');
    await app.goTo('documents');
    await expect.poll(async () => (await page.getByTestId('attr-urval').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).filter((v) => v === 'Bertil').length).toBe(2);
    await app.goTo('results');
    await page.getByTestId('results-coder').selectOption({ label: 'Anna' });
    await page.getByTestId('results-by').selectOption('level');
    await lvmTable.waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    const xlsx = readFileSync(file!);
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('LVM')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Nivå', 'n', 'Saknas', 'Ja, %', 'Nej, %']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Länsgemensamma överenskommelser', 1, 0, 100, 0]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Lokala överenskommelser', 2, 0, 50, 50]);

    // The HTML report: methods text names the coders and coefficients; the reliability table has
    // the hand-computed α and π. The sample (2 documents, 1 of them disagreeing) is judged by both.
    const reportDownload = page.waitForEvent('download');
    await page.getByTestId('export-report').click();
    const html = readFileSync((await (await reportDownload).path())!, 'utf8');
    expect(html).toContain('Kodarna Anna, Bertil bedömde');
    expect(html).toContain('(reliabilitetsurvalet)');
    expect(html).toContain('Cohens κ, Scotts π');
    expect(html).toMatch(/<table data-table="reliability">.*<td>LVM<\/td><td>2<\/td>/s);

    // The long dataset is the statistics CLI's input: Anna, Bertil and the consensus, and the final dataset (the default source).
    await page.getByTestId('results-coder').selectOption('final');
    const longDownload = page.waitForEvent('download');
    await page.getByTestId('dataset-long').click();
    const long = readFileSync((await (await longDownload).path())!, 'utf8').trim().split('\r\n');
    // After value: the provenance, then what `overens agreement` needs to analyse it as this view does.
    // …and the codebook version each row was judged under (the project's one version: 1).
    expect(long[0]).toBe('document,coder,variable,value,provenance,coder_kind,variable_kind,variable_level,value_code,value_count,codebook_version,level,urval');
    expect(new Set(long.filter((l) => l.includes(',LVM,')).map((l) => l.split(',')[10]))).toEqual(new Set(['1']));
    // Anna 3, Bertil 3, the consensus 1, and the final dataset's 3 (one per agreement).
    expect(long.filter((l) => l.includes(',LVM,'))).toHaveLength(10);
    expect(long.filter((l) => l.includes(',final,LVM,')).map((l) => l.split(',').slice(3, 6).join(','))).toEqual(['Ja,agreed,final', 'Ja,consensus,final', 'Nej,agreed,final']);
    expect(long.some((l) => l.startsWith('dalarna-2021-windows-1252.txt,Konsensus,LVM,Ja,consensus,consensus,single,nominal,'))).toBe(true);
    expect(long.some((l) => /^[^,]+,Anna,LVM,[^,]+,,human,single,nominal,[12],2,/.test(l))).toBe(true);

    // The whole project as REFI-QDA: project.qde plus the three sources.
    const qdpxDownload = page.waitForEvent('download');
    await page.getByTestId('dataset-qdpx').click();
    const qdpxPath = (await (await qdpxDownload).path())!;
    const zip = await JSZip.loadAsync(readFileSync(qdpxPath));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('sources/') && !n.endsWith('/'))).toHaveLength(3);
    const qde = await zip.file('project.qde')!.async('string');
    expect(qde).toContain('<User ');
    // 7 LVM judgements (Anna 3, Bertil 3, consensus 1), the 2 passages, and the final dataset's 3 LVM values (user "final").
    expect((qde.match(/<Coding /g) ?? []).length).toBe(12);

    // …and read back in as a new project: three documents, coders Anna and Bertil, and the
    // exported consensus coder as the new project's consensus coder, with its judgement.
    await app.goTo('projects');
    const qdpxChooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-qdpx').click();
    await (await qdpxChooser).setFiles([{ name: 'Reliabilitet.qdpx', mimeType: 'application/zip', buffer: readFileSync(qdpxPath) }]);
    await expect.poll(() => page.getByTestId('notice-info').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Projektet "Reliabilitet" importerades: 3 dokument, 2 passager.')]));
    await expect.poll(() => page.getByTestId('project-list').locator('li').count()).toBe(2);
    // Our own package maps without a note but one: its GUIDs are this database's own already (the
    // project it came from is here), so they get new ids; the import report says so.
    await page.getByTestId('qdpx-report').waitFor();
    await expect.poll(() => page.getByTestId('qdpx-report-problems').locator('li').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringMatching(/GUID:n i paketet finns redan i databasen/)]);
    await screenshot(page, 'qdpx-import');
    await page.getByTestId('qdpx-report-close').click();
    await app.goTo('documents');
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(3);
    const coderNames = await page.getByTestId('coder-select').locator('option').allTextContents();
    expect(coderNames).toEqual(expect.arrayContaining(['Anna', 'Bertil']));
    expect(coderNames.some((n) => n.startsWith('Konsensus ('))).toBe(false);
    await app.goTo('results');
    await page.getByTestId('results-coder').selectOption({ label: 'Konsensus' });
    await page.getByTestId('results-by').selectOption('level');
    // The consensus judged one local agreement "Ja" (the disagreement resolved above).
    await expect
      .poll(() => page.getByTestId('results-table').filter({ hasText: 'LVM' }).locator('tbody tr').allTextContents())
      .toEqual(['Länsgemensamma överenskommelser——01', 'Lokala överenskommelser100011']);
    // …with its reason, shown with the disagreement it resolved.
    await app.goTo('reliability');
    await page.getByTestId('disagree-status').selectOption('resolved');
    await expect.poll(() => page.getByTestId('disagreement').getByTestId('consensus').textContent()).toContain('Konsensus: Ja — Texten nämner LVM-vård i avsnittet om målgrupper.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
