// A multi-valued variable ("Målgrupper": several target groups per agreement): in the coding view
// a value's key toggles it in the judgement, and the Reliability view gives each value its own
// yes/no row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function judge(page: Page, documentId: string, keys: string[]): Promise<void> {
  const coding = new CodingModel(page);
  await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), documentId);
  await page.getByTestId('text-view').first().waitFor();
  // Focus the variable by its corner: a click in the middle would land on a value button and toggle it.
  await coding.variable('grupper').click({ position: { x: 4, y: 4 } });
  for (const key of keys) {
    await page.keyboard.press(key);
    await coding.waitSaved();
  }
}

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
    page.once('dialog', (dialog) => void dialog.accept('Bertil'));
    await page.getByTestId('coder-select').selectOption('__add__');
    await page.waitForFunction(() => (document.querySelector('[data-testid="coder-select"]') as HTMLSelectElement).selectedOptions[0]?.textContent === 'Bertil');
    await page.getByTestId('coder-select').selectOption({ label: 'Anna' });
    await app.goTo('documents');
    await new DocumentsModel(page).importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`, `${SHARED}corpus/text/dalarna-2021-windows-1252.txt`]);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(2);
    const documentIds = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const all = req.result.transaction('documents').objectStore('documents').getAll();
            all.onsuccess = () => resolve((all.result as { id: string; fileName: string }[]).sort((a, b) => a.fileName.localeCompare(b.fileName)).map((d) => d.id));
          };
        }),
    );
    // Anna: {Barn, Vuxna} (Äldre toggled on and off again), {Barn}. Bertil: {Barn}, {Barn, Äldre}.
    await judge(page, documentIds[0]!, ['1', '2', '3', '3']);
    const chosen = new CodingModel(page).variable('grupper').locator('.value-button.chosen');
    await expect.poll(() => chosen.allTextContents()).toEqual([expect.stringContaining('Barn'), expect.stringContaining('Vuxna')]);
    await judge(page, documentIds[1]!, ['1']);
    await page.getByTestId('coder-select').selectOption({ label: 'Bertil' });
    await judge(page, documentIds[0]!, ['1']);
    await judge(page, documentIds[1]!, ['1', '3']);

    await app.goTo('reliability');
    const rows = page.getByTestId('reliability-row');
    await expect.poll(() => rows.locator('td:first-child').allTextContents()).toEqual(['Målgrupper: Barn', 'Målgrupper: Vuxna', 'Målgrupper: Äldre']);
    // Barn: all four "yes" — no variation, α undefined with a note. Vuxna and Äldre: one
    // disagreement each in four values with one "yes": α = 1 − 3·2/(2·1·3) = 0.
    expect(await rows.nth(0).getByTestId('alpha-value').textContent()).toBe('—');
    expect(await rows.nth(0).textContent()).toContain('ingen variation');
    expect(await rows.nth(1).getByTestId('alpha-value').textContent()).toBe('0.000');
    expect(await rows.nth(2).getByTestId('alpha-value').textContent()).toBe('0.000');
    // The two documents where the sets differ are reviewed as sets, and resolved into one.
    const disagreements = page.getByTestId('disagreement');
    await expect.poll(() => disagreements.count()).toBe(2);
    const first = disagreements.first();
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
