// The coding panel a coder can work in all day: variables under their codebook groups, the coding
// frame (definition, coding rule, anchor examples) on the `i` key, suggested passages next to
// their variable, a toolbar that never moves the page, legible key digits, per-document progress
// with filter and sort, and the last document and variable restored after switching views.
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

const SYNTHETIC = `${SHARED}corpus/synthetic/`;

describe('coding panel', () => {
  it('shows the coding frame by group, keeps the toolbar still, and brings the coder back to their place', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Panel', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SYNTHETIC}s001-stockholm.pdf`, `${SYNTHETIC}s002-uppsala.pdf`, `${SHARED}corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf`]);
    const ids = await docs.idsByFileName();
    const coding = new CodingModel(page);

    // Variables under the template's ten groups, in codebook order.
    // ids in file-name order: Dalarna, s001, s002.
    await page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), ids[1]!);
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => page.getByTestId('coding-group').count()).toBe(10);
    expect(await page.locator('.coding-group-label').first().textContent()).toContain('Ansvarsfördelning');

    // The coding frame of "Gemensamma mål": its coding rule and an anchor example, on `i`.
    await coding.variable('gemensamma_mal').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => page.getByTestId('coding-frame').count()).toBe(0);
    await page.keyboard.press('i');
    const frame = coding.variable('gemensamma_mal').getByTestId('coding-frame');
    await frame.waitFor();
    expect(await frame.getByTestId('frame-rule').textContent()).toMatch(/^Kodregel:/);
    expect(await frame.getByTestId('frame-anchor').count()).toBeGreaterThan(0);
    expect(await frame.getByTestId('frame-value').count()).toBe(await coding.variable('gemensamma_mal').getByTestId('value-button').count());
    await screenshot(page, 'coding-frame-sv');
    // It follows the current variable and stays open until `i` again.
    await page.keyboard.press('ArrowDown');
    await coding.variable('tvister').getByTestId('coding-frame').waitFor();
    await page.keyboard.press('i');
    await expect.poll(() => page.getByTestId('coding-frame').count()).toBe(0);

    // Suggested passages sit inside their variable, not at the top of the panel.
    await coding.variable('sip').click({ position: { x: 4, y: 4 } });
    await coding.variable('sip').getByTestId('term-hits').waitFor();
    expect(await page.getByTestId('term-hits').count()).toBe(1);

    // Judging: the toolbar stays one line and the document does not move when "Sparat" appears.
    const paneTop = async () => (await page.getByTestId('viewer-scroll').boundingBox())!.y;
    const toolbarHeight = async () => (await page.locator('.coding-status').boundingBox())!.height;
    const before = { top: await paneTop(), height: await toolbarHeight() };
    await coding.variable('ansvar_mellan').click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('1');
    await coding.waitSaved();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    await coding.waitSaved();
    expect(await paneTop()).toBe(before.top);
    expect(await toolbarHeight()).toBe(before.height);

    // The chosen value's key digit is legible (its colour differs from its background), and the
    // button's accessible name is the value's label alone.
    const chosen = coding.variable('ansvar_inom_kommun').locator('.value-button.chosen');
    expect(await chosen.getAttribute('data-testid')).toBe('value-button');
    const kbd = chosen.locator('kbd');
    const colours = await kbd.evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
    expect(colours.fg).not.toBe(colours.bg);
    expect(await coding.variable('ansvar_inom_kommun').getByRole('button', { name: 'Nej', exact: true }).count()).toBe(1);

    // Per-document progress, filter and sort.
    const total = await page.getByTestId('coding-variable').count();
    const row = (name: string) => page.locator(`[data-testid="coding-document"][data-document-name="${name}"]`);
    await expect.poll(() => row('s001-stockholm.pdf').getByTestId('document-progress').textContent()).toBe(`2/${total}`);
    expect(await row('s002-uppsala.pdf').getByTestId('document-progress').textContent()).toBe(`0/${total}`);
    const order = () => page.locator('[data-testid="coding-document"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-document-name')));
    expect(await order()).toEqual(['dalarna-2021-lansovergripande-overenskommelse.pdf', 's001-stockholm.pdf', 's002-uppsala.pdf']);
    await page.getByTestId('document-sort').selectOption('unfinished');
    expect((await order()).at(-1)).toBe('s001-stockholm.pdf');
    await page.getByTestId('document-filter').fill('s00');
    expect(await order()).toEqual(['s002-uppsala.pdf', 's001-stockholm.pdf']);
    await screenshot(page, 'coding-panel-sv');

    // Away to Results and back through the navigation (no document in the address): the same
    // document and variable, and after a reload too.
    await app.goTo('results');
    await app.goTo('coding');
    await page.getByTestId('pdf-page').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="coding-document"].active').getAttribute('data-document-name')).toBe('s001-stockholm.pdf');
    await expect.poll(() => page.locator('.coding-variable.current').getAttribute('data-variable')).toBe('ansvar_inom_kommun');
    await page.evaluate(() => (window.location.hash = '#/coding'));
    await page.reload();
    await page.getByTestId('view-coding').waitFor();
    await expect.poll(() => page.locator('[data-testid="coding-document"].active').getAttribute('data-document-name')).toBe('s001-stockholm.pdf');
    await expect.poll(() => page.locator('.coding-variable.current').getAttribute('data-variable')).toBe('ansvar_inom_kommun');
    // The list keeps its sort and filter.
    expect(await page.getByTestId('document-filter').inputValue()).toBe('s00');

    await app.setLanguage('en');
    await page.keyboard.press('i');
    await coding.variable('ansvar_inom_kommun').getByTestId('coding-frame').waitFor();
    expect(await page.getByTestId('documents-finished').textContent()).toBe('0 of 3 done');
    await screenshot(page, 'coding-panel-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
