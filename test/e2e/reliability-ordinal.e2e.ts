// An ordinal variable of the Vårdanalys template ("Gemensamma mål": Ja, tydliga mål < Ja, vaga mål
// < Nej) gets ordinal α, computed at the codebook's value order, and says so in the table.
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

describe('reliability at the variable’s level of measurement', () => {
  it('computes ordinal α for an ordinal variable', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Ordinal', 'Anna');
    await app.addCoder('Bertil');
    await app.setCoder('Anna');
    await app.goTo('documents');
    await new DocumentsModel(page).importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`, `${SHARED}corpus/text/dalarna-2021-windows-1252.txt`, `${SHARED}corpus/synthetic/s001-stockholm.docx`]);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(3);
    const documentIds = await new DocumentsModel(page).idsByFileName();
    // Anna: tydliga, vaga, Nej. Bertil: tydliga, Nej, Nej. By hand (Krippendorff 2011, ordinal
    // metric on the values' ranks): n = (2, 1, 3), δ²(vaga, Nej) = (1 + 3 − 2)² = 4, expected
    // Σ n_c n_k δ² = 180, observed 2·4 = 8, α = 1 − 5·8/180 = 0.778 (nominal would be 0.545).
    const coding = new CodingModel(page);
    const judge = async (keys: string[]) => {
      for (const [i, key] of keys.entries()) await coding.judge(documentIds[i]!, 'gemensamma_mal', [key]);
    };
    await judge(['1', '2', '3']);
    await app.setCoder('Bertil');
    await judge(['1', '3', '3']);
    await app.goTo('reliability');
    const row = page.getByTestId('reliability-row').filter({ hasText: 'Gemensamma mål' });
    await row.waitFor();
    expect(await row.getByTestId('alpha-value').textContent()).toBe('0,778');
    expect(await row.getByTestId('alpha-level').textContent()).toBe('ordinal');
    // Weighted κ on request. By hand (Cohen 1968, linear weights 1 − |i − j|/2): p_o = (1 + ½ + 1)/3,
    // p_e = ⅓(⅓ + ½ + ⅔) = ½, κ_w = (⅚ − ½)/½ = 0.667 (unweighted: 0.500).
    expect(await row.getByTestId('kappa-cell').textContent()).toMatch(/^0,500/);
    await page.getByTestId('reliability-weights').selectOption('linear');
    await expect.poll(() => row.getByTestId('kappa-cell').textContent()).toMatch(/^0,667 \[.*\]linjära vikter$/);
    await screenshot(page, 'reliability-ordinal-sv');
    expect(errors).toEqual([]);
    await context.close();
  });
});
