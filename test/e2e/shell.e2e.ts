// Smoke test of the application shell in Chromium on the web build: create a project from the
// Vårdanalys template, see its variables in the Codebook view, reload and find it still there;
// rename, add a coder, switch language, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppModel, CodebookModel, ProjectsModel } from './models/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('application shell', () => {
  it('creates a project, shows the Vårdanalys variables and keeps everything across a reload', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    const projects = new ProjectsModel(page);
    const codebook = new CodebookModel(page);

    // Swedish by default for a Swedish system language; nothing but Projects before a project is open.
    await page.getByTestId('no-projects').waitFor();
    await expect.poll(() => page.getByTestId('nav-projects').textContent()).toContain('Projekt');
    expect(await page.getByTestId('nav-codebook').isDisabled()).toBe(true);

    await projects.create('Överenskommelser 2017', 'Anna');
    await expect.poll(() => app.currentProject.textContent()).toBe('Överenskommelser 2017');
    await screenshot(page, 'shell-projects-sv');

    await app.goTo('codebook');
    await codebook.variableLabels.first().waitFor();
    const labels = await codebook.variableLabels.allTextContents();
    // Vårdanalys 2017:1, Bilaga 2, tables 18 (Gemensamma mål), 31 (LVM) and 44 (Kriminalvården).
    expect(labels).toEqual(expect.arrayContaining(['Gemensamma mål', 'LVM', 'Kriminalvården']));
    expect(labels.length).toBeGreaterThanOrEqual(35);
    await expect.poll(() => codebook.version.textContent()).toContain('Version 1');
    await page.getByTestId('codebook-variable').first().locator('summary').click();
    await screenshot(page, 'shell-codebook-sv');

    await page.reload();
    await page.getByTestId('view-codebook').waitFor();
    await expect.poll(() => app.currentProject.textContent()).toBe('Överenskommelser 2017');
    await expect.poll(() => codebook.variableLabels.count()).toBe(labels.length);
    await app.goTo('projects');
    await expect.poll(() => projects.items.count()).toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('renames, adds a coder, switches to English and deletes', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'en-GB' });
    const app = new AppModel(page);
    const projects = new ProjectsModel(page);

    // English by default for a non-Swedish system language.
    await expect.poll(() => page.getByTestId('nav-projects').textContent()).toContain('Projects');
    await projects.create('Pilot', 'Anna', 'oppna-jamforelser-2019');
    await projects.create('Main study', 'Bertil');
    await expect.poll(() => app.currentProject.textContent()).toBe('Main study');

    await projects.rename('Pilot', 'Pilot 2019');
    // Passing notices follow the language too.
    const renamed = page.getByTestId('notice-info').filter({ hasText: 'Pilot 2019' });
    await expect.poll(() => renamed.textContent()).toContain('The project is now called "Pilot 2019".');
    await app.setLanguage('sv');
    await expect.poll(() => renamed.textContent()).toContain('Projektet heter nu "Pilot 2019".');
    await app.setLanguage('en');
    await projects.open('Pilot 2019');
    await expect.poll(() => app.currentProject.textContent()).toBe('Pilot 2019');

    page.once('dialog', (dialog) => void dialog.accept('Cecilia'));
    await page.getByTestId('coder-select').selectOption('__add__');
    await page.waitForFunction(() => (document.querySelector('[data-testid="coder-select"]') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent === 'Cecilia');
    const coderNames = await page.getByTestId('coder-select').locator('option').allTextContents();
    expect(coderNames.slice(0, 2)).toEqual(['Anna', 'Cecilia']);
    // The consensus coder's name is reserved: the error stays on screen, and follows the language.
    page.once('dialog', (dialog) => void dialog.accept('Konsensus'));
    await page.getByTestId('coder-select').selectOption('__add__');
    const toast = page.getByTestId('notice-error');
    await expect.poll(() => toast.textContent()).toContain('The name "Konsensus" is reserved for consensus coding.');
    await app.setLanguage('sv');
    await expect.poll(() => toast.textContent()).toContain('Namnet "Konsensus" är reserverat för konsensuskodningen.');
    await app.setLanguage('en');
    await toast.getByRole('button').click();
    await expect.poll(() => toast.count()).toBe(0);

    // The Öppna jämförelser template shows its derived indicator.
    await app.goTo('codebook');
    await page.getByText('Derived:', { exact: false }).first().waitFor({ state: 'attached' });

    await app.setLanguage('sv');
    await expect.poll(() => page.getByTestId('nav-codebook').textContent()).toContain('Kodbok');
    await app.setLanguage('en');
    await app.goTo('projects');
    await screenshot(page, 'shell-projects-en');

    // Alt+3 jumps to the codebook.
    await page.keyboard.press('Alt+3');
    await page.getByTestId('view-codebook').waitFor();
    await app.goTo('projects');

    await projects.delete('Pilot 2019');
    await expect.poll(() => projects.items.count()).toBe(1);
    await expect.poll(() => app.currentProject.textContent()).toBe('No project open');
    // The one console error is the refused coder name, reported on purpose above.
    expect(errors.filter((e) => !e.includes('is reserved for consensus coding'))).toEqual([]);
    await context.close();
  });

  it('exports the codebook as JSON and refuses a broken JSON file, listing its problems by path', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'en-GB' });
    await new ProjectsModel(page).create('JSON', 'Anna', 'oppna-jamforelser-2019');
    await new AppModel(page).goTo('codebook');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-codebook').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('oppna-jamforelser-2019-v1.json');
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.content.variables).toHaveLength(5);

    exported.content.variables[0].values[0].colour = 'grön';
    exported.content.variables[0].key = '1 fel';
    const dir = mkdtempSync(path.join(tmpdir(), 'overens-e2e-'));
    const broken = path.join(dir, 'trasig.json');
    writeFileSync(broken, JSON.stringify(exported));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-codebook').click();
    await (await chooser).setFiles([broken]);
    const dialog = page.getByTestId('codebook-import-problems');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('trasig.json cannot be imported: 2 problems');
    expect(text).toContain('content.variables[0].key: key must start with a letter');
    expect(text).toContain('content.variables[0].values[0].colour: colour must be #rrggbb');
    await expect.poll(() => page.getByTestId('codebook-version').textContent()).toContain('Version 1');
    await page.getByTestId('codebook-import-problems').getByRole('button').click();

    // Back the project up, delete it, and restore it from the file.
    const app = new AppModel(page);
    const projects = new ProjectsModel(page);
    await app.goTo('projects');
    const backupDownload = page.waitForEvent('download');
    await projects.item('JSON').getByTestId('backup-project').click();
    const backupFile = await (await backupDownload).path();
    await projects.delete('JSON');
    const restoreChooser = page.waitForEvent('filechooser');
    await page.getByTestId('restore-backup').click();
    await (await restoreChooser).setFiles([backupFile!]);
    await projects.item('JSON').waitFor();
    await expect.poll(() => app.currentProject.textContent()).toBe('JSON');
    await app.goTo('codebook');
    await expect.poll(() => page.getByTestId('variable-label').count()).toBe(5);

    // In the browser, backups are on demand: one file per project, named as the desktop app's
    // automatic backups are, each one restorable.
    await app.goTo('projects');
    const card = page.getByTestId('auto-backup');
    expect(await card.textContent()).toContain('The browser cannot write to a folder on a schedule');
    const count = await page.getByTestId('project-item').count();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await card.getByTestId('backup-all').click();
    await expect.poll(() => downloads.length).toBe(count);
    expect(downloads.every((n) => /^[\p{L}\p{N}_-]+-\d{8}-\d{6}Z\.overens-backup\.zip$/u.test(n))).toBe(true);
    expect(downloads.some((n) => n.startsWith('JSON-'))).toBe(true);
    await expect.poll(() => page.getByTestId('notice-info').last().textContent()).toContain(`Backup files saved: ${count}.`);
    await screenshot(page, 'projects-backups-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
