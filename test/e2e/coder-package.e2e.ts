// Offline coding across two installations: the lead exports a coder package for Bertil; a second
// browser context (its own IndexedDB — a separate installation) imports it, codes LVM on one
// document and exports the codings; the lead imports them (twice: the second time changes
// nothing) and sees Bertil's judgement under Bertil, not under herself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Click, and keep the download under the name the app suggested (as a user's Save dialog would). */
async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'overens-e2e-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function upload(page: Page, testId: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles([path]);
}

const DALARNA = 'dalarna-2021-utf8.md';
const STOCKHOLM = 's001-stockholm.docx';

describe('coder packages', () => {
  it('a coder codes offline in another installation and the lead merges the codings under that coder', async () => {
    // The lead: a project with two coders and two documents.
    const lead = await openApp(browser, { locale: 'sv-SE' });
    const leadApp = new AppModel(lead.page);
    await new ProjectsModel(lead.page).create('Offline 2021', 'Anna');
    lead.page.once('dialog', (dialog) => void dialog.accept('Bertil'));
    await lead.page.getByTestId('coder-select').selectOption('__add__');
    await lead.page.waitForFunction(() => (document.querySelector('[data-testid="coder-select"]') as HTMLSelectElement).selectedOptions[0]?.textContent === 'Bertil');
    await lead.page.getByTestId('coder-select').selectOption({ label: 'Anna' });
    await leadApp.goTo('documents');
    await new DocumentsModel(lead.page).importFiles([`${SHARED}corpus/text/${DALARNA}`, `${SHARED}corpus/synthetic/${STOCKHOLM}`]);
    await lead.page.getByTestId('close-import').click();

    // Export a package for Bertil with both documents and the published version 1.
    await lead.page.getByTestId('export-coder-package').click();
    const dialog = lead.page.getByTestId('coder-package-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('coder-package-coder').locator('option:checked').textContent()).toBe('Bertil');
    expect(await dialog.getByTestId('coder-package-version').locator('option').allTextContents()).toEqual(['Version 1']);
    expect(await dialog.getByTestId('coder-package-all').isChecked()).toBe(true);
    await screenshot(lead.page, 'coder-package-export-sv');
    const pkg = await download(lead.page, () => dialog.getByTestId('coder-package-save').click());
    expect(pkg.name).toBe('Offline-2021-Bertil.ovpackage');
    await dialog.waitFor({ state: 'hidden' });

    // Bertil's own installation: a fresh browser context.
    const coder = await openApp(browser, { locale: 'sv-SE' });
    const coderApp = new AppModel(coder.page);
    await coder.page.getByTestId('no-projects').waitFor();
    await upload(coder.page, 'import-coder-package', pkg.path);
    await expect.poll(() => coderApp.currentProject.textContent()).toBe('Offline 2021');
    await expect.poll(() => coder.page.getByTestId('coder-select').locator('option:checked').textContent()).toBe('Bertil');
    expect(await coder.page.getByTestId('coder-select').locator('option').allTextContents()).toEqual(['Bertil', 'Lägg till kodare…']);
    await coderApp.goTo('documents');
    await expect.poll(() => coder.page.getByTestId('document-row').count()).toBe(2);
    const coderDocs = new DocumentsModel(coder.page);
    await coderDocs.open(DALARNA);
    await coder.page.getByTestId('text-view').waitFor();
    const coding = new CodingModel(coder.page);
    await coding.variable('lvm').click();
    await coder.page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => coding.variable('lvm').locator('.value-button.chosen').textContent()).toContain('Ja');
    expect(await coder.page.getByTestId('blind-toggle').isChecked()).toBe(true);
    // The lead set it; the coder cannot switch it off in their own installation.
    expect(await coder.page.getByTestId('blind-toggle').isDisabled()).toBe(true);
    await screenshot(coder.page, 'coder-package-coder-coded-sv');
    await coderApp.goTo('documents');
    const codings = await download(coder.page, () => coder.page.getByTestId('export-codings').click());
    expect(codings.name).toBe('Offline-2021-Bertil.ovcodings');

    // The lead imports Bertil's codings.
    await upload(lead.page, 'import-codings', codings.path);
    const report = lead.page.getByTestId('codings-report');
    await report.waitFor();
    await expect.poll(() => report.getByTestId('codings-report-file').textContent()).toContain('Bertil (Offline-2021-Bertil.ovcodings)');
    expect(await report.getByTestId('codings-report-counts').textContent()).toBe('Nya: 0 markeringar, 1 bedömningar, 0 memon');
    await screenshot(lead.page, 'coder-package-merge-report-sv');
    await report.getByTestId('codings-report-close').click();
    await report.waitFor({ state: 'hidden' });

    // The same file again changes nothing.
    await upload(lead.page, 'import-codings', codings.path);
    await report.waitFor();
    await expect.poll(() => report.getByTestId('codings-report-counts').textContent()).toBe('Oförändrade: 0 markeringar, 1 bedömningar, 0 memon');
    await report.getByTestId('codings-report-close').click();

    // Anna (the lead, coding blind) has not judged LVM; Bertil's judgement is Ja.
    const leadDocs = new DocumentsModel(lead.page);
    await leadDocs.open(DALARNA);
    await lead.page.getByTestId('text-view').waitFor();
    const leadCoding = new CodingModel(lead.page);
    await leadCoding.variable('lvm').waitFor();
    expect(await leadCoding.variable('lvm').locator('.value-button.chosen').count()).toBe(0);
    await lead.page.getByTestId('coder-select').selectOption({ label: 'Bertil' });
    await expect.poll(() => leadCoding.variable('lvm').locator('.value-button.chosen').textContent()).toContain('Ja');
    await leadCoding.variable('lvm').click();
    await screenshot(lead.page, 'coder-package-lead-sees-bertil-sv');

    expect(lead.errors).toEqual([]);
    expect(coder.errors).toEqual([]);
    await coder.context.close();
    await lead.context.close();
  });

  it('refuses a codings file offered as a coder package, naming the file and the problem', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'en-GB' });
    const zip = new JSZip();
    zip.file('manifest.json', JSON.stringify({ kind: 'coder-codings', formatVersion: 1 }));
    const file = join(mkdtempSync(join(tmpdir(), 'overens-e2e-')), 'bertil.ovcodings');
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    await page.getByTestId('no-projects').waitFor();
    await upload(page, 'import-coder-package', file);
    const problems = page.getByTestId('restore-problems');
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toContain('bertil.ovcodings cannot be imported. Nothing was changed.');
    expect(text).toContain('bertil.ovcodings: is a codings file, not a coder package. Codings are imported by the lead under Documents → Import codings.');
    await screenshot(page, 'coder-package-wrong-file-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
