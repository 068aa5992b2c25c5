// A multi-valued variable ("Målgrupper": several target groups per agreement): in the coding view
// a value's key toggles it in the judgement, and the Reliability view gives each value its own
// yes/no row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const value = (id: string, key: string, sv: string, colour: string) => ({ id, key, label: { sv }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour, absent: false });
const CODEBOOK = {
  format: 'overens-codebook',
  formatVersion: 1,
  id: 'flerval',
  name: { sv: 'Flerval' },
  description: {},
  language: 'sv',
  content: {
    groups: [{ id: 'g', key: 'g', label: { sv: 'Målgrupper' }, description: {} }],
    variables: [
      {
        id: 'grupper',
        key: 'grupper',
        label: { sv: 'Målgrupper' },
        groupId: 'g',
        description: {},
        codingRule: {},
        kind: 'multi',
        level: 'nominal',
        values: [value('grupper.barn', 'barn', 'Barn', '#1f77b4'), value('grupper.vuxna', 'vuxna', 'Vuxna', '#ff7f0e'), value('grupper.aldre', 'aldre', 'Äldre', '#2ca02c')],
      },
    ],
  },
};

describe('multi-valued variables', () => {
  it('toggles values while coding and gives each value its own reliability row', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Flerval', 'Anna', 'blank');
    await app.goTo('codebook');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-codebook').click();
    await (await chooser).setFiles([{ name: 'flerval.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(CODEBOOK)) }]);
    await expect.poll(() => page.locator('[data-testid="edit-variable"] .variable-label').allTextContents()).toEqual(['Målgrupper']);
    // The blank template's first version is a draft: the import fills it, publishing makes it version 1.
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('codebook-version').textContent()).toContain('Version 1 · publicerad');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');
    await app.goTo('documents');
    await new DocumentsModel(page).importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`, `${SHARED}corpus/text/dalarna-2021-windows-1252.txt`]);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);
    const documentIds = await new DocumentsModel(page).idsByFileName();
    const coding = new CodingModel(page);
    // Anna: {Barn, Vuxna} (Äldre toggled on and off again), {Barn}. Bertil: {Barn}, {Barn, Äldre}.
    await coding.judge(documentIds[0]!, 'grupper', ['1', '2', '3', '3']);
    const chosen = new CodingModel(page).variable('grupper').locator('.value-button.chosen');
    await expect.poll(() => chosen.allTextContents()).toEqual([expect.stringContaining('Barn'), expect.stringContaining('Vuxna')]);
    await coding.judge(documentIds[1]!, 'grupper', ['1']);
    await app.setCoder('Bertil');
    await coding.judge(documentIds[0]!, 'grupper', ['1']);
    await coding.judge(documentIds[1]!, 'grupper', ['1', '3']);

    await app.goTo('reliability');
    const rows = page.getByTestId('reliability-row');
    await expect.poll(() => rows.locator('td:first-child').allTextContents()).toEqual(['Målgrupper: Barn', 'Målgrupper: Vuxna', 'Målgrupper: Äldre']);
    // Barn: all four "yes" — no variation, α undefined with a note. Vuxna and Äldre: one
    // disagreement each in four values with one "yes": α = 1 − 3·2/(2·1·3) = 0.
    expect(await rows.nth(0).getByTestId('alpha-value').textContent()).toBe('—');
    expect(await rows.nth(0).textContent()).toContain('ingen variation');
    expect(await rows.nth(1).getByTestId('alpha-value').textContent()).toBe('0,000');
    expect(await rows.nth(2).getByTestId('alpha-value').textContent()).toBe('0,000');
    // The two documents where the sets differ are reviewed as sets, and resolved into one.
    const disagreements = page.getByTestId('disagreement');
    await expect.poll(() => disagreements.count()).toBe(2);
    // Sorted by document id (random): pick the first document's by its name.
    const first = disagreements.filter({ hasText: 'dalarna-2021-utf8.md' });
    expect((await first.getByTestId('disagree-value').allTextContents()).sort()).toEqual(['Barn', 'Barn, Vuxna']);
    await first.getByTestId('consensus-values').getByLabel('Barn').check();
    await first.getByTestId('consensus-values').getByLabel('Vuxna').check();
    await first.getByTestId('consensus-reason').fill('Vuxna nämns i avsnitt 2.');
    await first.getByTestId('resolve').click();
    await expect.poll(() => first.getByTestId('consensus').textContent()).toContain('Konsensus: Barn, Vuxna — Vuxna nämns i avsnitt 2.');
    await screenshot(page, 'reliability-multi-sv');
    expect(errors).toEqual([]);
    await context.close();
  });
});
