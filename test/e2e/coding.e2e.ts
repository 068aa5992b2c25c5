// Coding the Dalarna agreement with the Vårdanalys template: a suggested passage accepted, a
// passage coded by keyboard, every variable judged, undo/redo, and all of it after a reload.
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

describe('coding workspace', () => {
  it('codes the Dalarna agreement end to end', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    await new ProjectsModel(page).create('Dalarna 2021', 'Anna');
    await new AppModel(page).goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SHARED}corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf`]);
    await docs.open('dalarna-2021-lansovergripande-overenskommelse.pdf');
    await page.getByTestId('pdf-page').first().waitFor();
    const coding = new CodingModel(page);

    // A suggested passage from the indicator terms of "Samverkan hur arbetar med SIP".
    await coding.variable('sip').click();
    await page.getByTestId('term-hit').first().waitFor();
    await page.getByTestId('accept-term').first().click();
    await coding.waitSaved();
    await expect.poll(() => coding.highlightedTexts()).toEqual(['SIP']);
    await expect.poll(() => coding.variable('sip').textContent()).toContain('Förslag från markeringar: Ja');

    // A passage by keyboard.
    await coding.variable('spelmissbruk').click();
    await coding.select('spel om pengar');
    await page.keyboard.press('1');
    await coding.waitSaved();
    // Only rendered pages are painted (the viewer is virtualised): the SIP passage is further on.
    await expect.poll(() => coding.highlightedTexts()).toContain('spel om pengar');

    // Judge every variable by accepting its suggestion (a), moving down (↓).
    await coding.variable('ansvar_mellan').click();
    const total = await page.getByTestId('coding-variable').count();
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('a');
      await page.keyboard.press('ArrowDown');
    }
    // 37 quick writes queue up; on a loaded machine they take a few seconds to commit.
    await expect.poll(() => page.getByTestId('judged-progress').textContent(), { timeout: 30_000 }).toBe(`${total} av ${total} variabler bedömda`);
    // Passages decide the suggestion: SIP and Spelmissbruk are judged "Ja", LVM (no passage) "Nej".
    await expect.poll(() => coding.variable('sip').locator('.value-button.chosen').textContent()).toContain('Ja');
    await expect.poll(() => coding.variable('lvm').locator('.value-button.chosen').textContent()).toContain('Nej');

    // Undo the last judgement, redo it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('judged-progress').textContent()).toBe(`${total - 1} av ${total} variabler bedömda`);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('judged-progress').textContent()).toBe(`${total} av ${total} variabler bedömda`);
    // Memos on the document and on the current judgement.
    await page.getByTestId('document-memo-toggle').click();
    await page.getByTestId('document-memo').fill('Länsövergripande; lokala överenskommelser saknas.');
    await page.getByTestId('judgement-memo').fill('Ingen utgångspunkt i ANDT-strategin.');
    await page.getByTestId('judged-progress').click();
    await coding.waitSaved();
    await screenshot(page, 'coding-judged-sv');

    await page.reload();
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => page.getByTestId('judged-progress').textContent()).toBe(`${total} av ${total} variabler bedömda`);
    await expect.poll(() => coding.highlightedTexts()).toContain('spel om pengar');
    await expect.poll(() => coding.variable('sip').textContent()).toContain('Ja');
    await expect.poll(() => page.getByTestId('document-memo').inputValue()).toBe('Länsövergripande; lokala överenskommelser saknas.');
    await coding.variable('andt_strategi').click();
    await expect.poll(() => page.getByTestId('judgement-memo').inputValue()).toBe('Ingen utgångspunkt i ANDT-strategin.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('publishes a new codebook version with merged values and moves the codings to it', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Versioner', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`]);
    await docs.open('dalarna-2021-utf8.md');
    await page.getByTestId('text-view').waitFor();
    const coding = new CodingModel(page);
    await coding.variable('gemensamma_mal').click();
    await page.keyboard.press('2');
    await coding.waitSaved();
    await expect.poll(() => coding.variable('gemensamma_mal').locator('.value-button.chosen').textContent()).toContain('Ja, vaga mål');

    await app.goTo('codebook');
    await page.getByTestId('new-draft').click();
    await page.getByTestId('draft-editor').waitFor();
    const goals = page.locator('[data-testid="edit-variable"][data-variable="gemensamma_mal"]');
    await goals.locator('summary').click();
    await goals.getByTestId('merge-select').nth(0).check();
    await goals.getByTestId('merge-select').nth(1).check();
    page.once('dialog', (dialog) => void dialog.accept('Ja'));
    await goals.getByTestId('merge-values').click();
    await expect.poll(() => goals.getByTestId('edit-value').count()).toBe(2);
    await page.getByTestId('publish').click();
    await page.getByTestId('change-list').waitFor();
    expect(await page.getByTestId('change-list').textContent()).toContain('Gemensamma mål: Ja, tydliga mål, Ja, vaga mål sammanslagna till Ja');
    await expect.poll(() => page.getByTestId('migrate').textContent()).toContain('Flytta 1 kodningar till version 2');
    await page.getByTestId('migrate').click();
    await page.getByTestId('migrate').waitFor({ state: 'detached' });
    // Compare any two versions.
    await page.getByTestId('version-select').selectOption({ label: 'Version 1 · publicerad' });
    await page.getByTestId('compare-select').selectOption({ label: 'Version 2' });
    await expect.poll(() => page.getByTestId('change-list').textContent()).toContain('Skillnader mellan version 1 och 2');
    await screenshot(page, 'codebook-version-2-sv');

    // A new project can start from this project's codebook (a duplicate of version 2).
    await app.goTo('projects');
    const projects = new ProjectsModel(page);
    await page.getByTestId('new-project-name').fill('Uppföljning 2025');
    await page.getByTestId('new-project-coder').fill('Bertil');
    await page.getByTestId('new-project-template').selectOption({ label: 'Kodbok från projektet "Versioner"' });
    await page.getByTestId('create-project').click();
    await projects.item('Uppföljning 2025').waitFor();
    await app.goTo('codebook');
    await page.getByTestId('codebook-variable').first().waitFor();
    const goalsVariable = page.getByTestId('codebook-variable').filter({ hasText: 'Gemensamma mål' });
    await expect.poll(() => goalsVariable.locator('.chip').allTextContents()).toEqual(['Ja', 'Nej']);
    await app.goTo('projects');
    await projects.open('Versioner');

    await app.goTo('coding');
    await page.getByTestId('text-view').waitFor();
    await expect.poll(() => coding.variable('gemensamma_mal').locator('.value-button.chosen').textContent()).toContain('Ja');
    expect(await coding.variable('gemensamma_mal').getByTestId('value-button').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches all documents and codes every hit at once, undoably', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    await new ProjectsModel(page).create('Korpus', 'Anna');
    await new AppModel(page).goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`, `${SHARED}corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf`]);
    await docs.open('dalarna-2021-utf8.md');
    await page.getByTestId('text-view').waitFor();
    const coding = new CodingModel(page);
    // A second window on the same project sees every change through live queries.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByTestId('text-view').waitFor();
    const otherCoding = new CodingModel(other);
    // The coder is on LVM: the search codes with what its dialog says, never the current variable.
    await coding.variable('lvm').click();
    await page.getByTestId('open-corpus-search').click();
    await page.getByTestId('corpus-query').fill('överenskommelse');
    await expect.poll(() => page.getByTestId('corpus-proposal').textContent()).toBe('Välj variabel och värde att koda träffarna med.');
    expect(await page.getByTestId('code-all').isDisabled()).toBe(true);
    // "samsjuklighet" is an indicator term of "Samsjuklighet: Ja": proposed, in the dialog's own fields.
    await page.getByTestId('corpus-query').fill('samsjuklighet');
    await expect.poll(() => page.getByTestId('corpus-count').textContent()).toMatch(/^\d+ träffar i 2 dokument$/);
    expect(await page.getByTestId('corpus-variable').inputValue()).toBe('va17.samsjuklighet');
    expect(await page.getByTestId('corpus-value').inputValue()).toBe('va17.samsjuklighet.ja');
    expect(await page.getByTestId('corpus-proposal').textContent()).toBe('Föreslaget eftersom sökordet finns bland indikatororden för Samsjuklighet: Ja.');
    await screenshot(page, 'corpus-search-sv');
    const count = Number((await page.getByTestId('corpus-count').textContent())!.split(' ')[0]);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('code-all').click();
    await page.getByTestId('corpus-search').waitFor({ state: 'hidden' });
    await coding.waitSaved();
    await expect.poll(async () => (await coding.highlightedTexts()).length).toBe(count / 2);
    await expect.poll(() => coding.variable('samsjuklighet').textContent()).toContain('Förslag från markeringar: Ja');
    await expect.poll(async () => (await otherCoding.highlightedTexts()).length).toBe(count / 2);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await coding.highlightedTexts()).length).toBe(0);
    await expect.poll(async () => (await otherCoding.highlightedTexts()).length).toBe(0);
    await expect.poll(() => coding.variable('samsjuklighet').textContent()).toContain('Inga markeringar');
    expect(errors).toEqual([]);
    await context.close();
  });
});

