// REFI-QDA codebook (.qdc) in the Codebook view: export the Vårdanalys codebook, change a name as
// another program would and import it again — a draft whose only difference is that name (ids
// kept); a broken file is refused with its problems; an ATLAS.ti-shaped file is imported with a
// list of what was not carried over as it stood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const dir = mkdtempSync(path.join(tmpdir(), 'overens-qdc-e2e-'));

async function importQdc(page: Page, name: string, xml: string): Promise<void> {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-codebook-qdc').click();
  await (await chooser).setFiles([file]);
}

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('REFI-QDA codebook in the Codebook view', () => {
  it('exports a codebook as .qdc and imports it again', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    await new ProjectsModel(page).create('Kodbok QDC', 'Anna');
    await new AppModel(page).goTo('codebook');
    await expect.poll(() => page.getByTestId('codebook-variable').count()).toBe(37);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-codebook-qdc').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('vardanalys-2017-v1.qdc');
    const qdc = readFileSync((await file.path())!, 'utf8');
    expect(qdc).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="Överens \S+ – Vårdanalys 2017:1 – Att komma överens, version 1">/);
    expect(qdc.match(/isCodable="false"/g)).toHaveLength(37);

    // Renamed in another program, then imported: a new draft, the same 37 variables.
    await importQdc(page, 'vardanalys-andrad.qdc', qdc.replace('name="LVM"', 'name="LVM (tvångsvård)"'));
    await expect.poll(() => page.getByTestId('codebook-version').textContent()).toBe('Version 2 · utkast');
    await expect.poll(() => page.getByTestId('edit-variable').count()).toBe(37);
    await expect.poll(() => page.locator('[data-variable="lvm"] .variable-label').textContent()).toBe('LVM (tvångsvård)');
    // Ids were kept: against version 1 the name is the only change.
    await page.getByTestId('compare-select').selectOption({ label: 'Version 1' });
    await expect.poll(() => page.getByTestId('change-list').locator('li').allTextContents()).toEqual(['Nytt namn: LVM → LVM (tvångsvård)']);
    await screenshot(page, 'codebook-qdc-imported-sv');

    // A broken file changes nothing and says why.
    await importQdc(page, 'trasig.qdc', qdc.slice(0, 400));
    const dialog = page.getByTestId('codebook-import-problems');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('trasig.qdc kan inte importeras: 1 problem. Inget ändrades.');
    expect(await dialog.textContent()).toContain('trasig.qdc: inte välformad XML');
    await dialog.getByRole('button').click();
    // The problems follow the interface's language.
    const app = new AppModel(page);
    await app.setLanguage('en');
    await importQdc(page, 'trasig.qdc', qdc.slice(0, 400));
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('trasig.qdc: not well-formed XML');
    expect(await dialog.textContent()).not.toContain('välformad');
    await dialog.getByRole('button').click();
    await app.setLanguage('sv');
    await expect.poll(() => page.locator('[data-variable="lvm"] .variable-label').textContent()).toBe('LVM (tvångsvård)');

    // An ATLAS.ti-shaped codebook: imported, with what did not carry over listed.
    await page.getByTestId('compare-select').selectOption('');
    await importQdc(
      page,
      'atlas.qdc',
      `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="{${G(10).toUpperCase()}}" name="Målgrupper" isCodable="true"><Description>Vilka grupper som omfattas.</Description>
      <Code guid="${G(11)}" name="Barn och unga" isCodable="true"><Code guid="${G(12)}" name="Under 18" isCodable="true"/><Code guid="${G(13)}" name="Unga vuxna" isCodable="true"/></Code>
      <Code guid="${G(14)}" name="Gravida" isCodable="true"/>
    </Code>
    <Code guid="${G(30)}" name="SIP" isCodable="true" color="#46AA00"/>
  </Codes>
</CodeBook>`,
    );
    // Version 2 is a draft already: the import asks before it replaces it.
    await page.getByTestId('import-replace-draft').click();
    await dialog.waitFor();
    const notes = await dialog.textContent();
    expect(notes).toContain('atlas.qdc lästes in som utkast (version 2). 2 saker fördes inte över som de stod:');
    expect(notes).toContain('atlas.qdc: Målgrupper: djupare kodnivåer slogs ihop till värden av formen "Kod / Underkod"');
    expect(notes).toContain('atlas.qdc: Målgrupper: är en kodbar kod med underkoder');
    expect(notes).not.toMatch(/flattened|cannot be mapped/);
    await screenshot(page, 'codebook-qdc-atlas-notes-sv');
    await dialog.getByRole('button').click();
    await expect.poll(() => page.locator('[data-testid="edit-variable"] .variable-label').allTextContents()).toEqual(['Målgrupper', 'Koder']);
    await page.locator('[data-variable="malgrupper"] summary').click();
    await screenshot(page, 'codebook-qdc-atlas-sv');
    // Published, the Reliability view computes agreement for the single-valued variable and says
    // which variable is left out of the table (the thematic "Koder").
    await page.getByTestId('publish').click();
    await page.getByTestId('change-list').waitFor();
    await app.goTo('reliability');
    await expect.poll(() => page.getByTestId('reliability-summary').textContent()).toContain('Teman, ingår inte i tabellen (1; deras markeringar finns på andra fliken): Koder.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
