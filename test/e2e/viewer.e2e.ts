// The page-faithful viewer on a real 10-page agreement (Dalarna 2021, ../shared/corpus/real):
// page navigation whose indicator follows the page in view, zoom that keeps the left edge of the
// page reachable and the point under the pointer in place, fit width and fit page, and the reading
// position restored after going to another view and back.
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

const DALARNA = `${SHARED}corpus/real/dalarna-2021-lansovergripande-overenskommelse.pdf`;
const POLL = { timeout: 15_000 };

/** Where page `n`'s top is, relative to the scroll container's top (px), and the viewport's box. */
async function pageTop(page: Page, n: number): Promise<number> {
  return page.evaluate((p) => {
    const box = document.querySelector('[data-testid="viewer-scroll"]')!.getBoundingClientRect();
    return document.querySelector(`.pdf-page[data-page="${p}"]`)!.getBoundingClientRect().top - box.top;
  }, n);
}

const indicator = (page: Page) => page.getByTestId('page-indicator').textContent();

/** The middle of the first text-layer node that contains `text` (viewport coordinates). */
async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((needle) => {
    const root = document.querySelector('[data-testid="viewer-scroll"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no text ${needle}`);
  }, text);
}

describe('viewer', () => {
  it('navigates pages, zooms without cutting off the left edge, and comes back to the reading position', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Visaren', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([DALARNA]);
    const [id] = await docs.idsByFileName();
    await page.evaluate((doc) => (window.location.hash = `#/coding?doc=${doc}`), id!);
    await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor({ timeout: 30_000 });

    // Page navigation: the pdfinfo page count of the file is 10.
    await expect.poll(() => indicator(page), POLL).toBe('Sida 1 av 10');
    for (const n of [2, 3, 4]) {
      await page.getByTestId('next-page').click();
      await expect.poll(() => indicator(page), POLL).toBe(`Sida ${n} av 10`);
    }
    // "Next" put page 4's top at the top of the view (below the 16 px padding).
    expect(Math.abs((await pageTop(page, 4)) - 17)).toBeLessThan(4);
    await page.getByTestId('prev-page').click();
    await expect.poll(() => indicator(page), POLL).toBe('Sida 3 av 10');
    await page.getByTestId('page-input').fill('7');
    await page.getByTestId('page-input').press('Enter');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 7 av 10');
    expect(await page.getByTestId('page-input').inputValue()).toBe('7');
    expect(Math.abs((await pageTop(page, 7)) - 17)).toBeLessThan(4);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 10 av 10');
    await page.keyboard.press('Home');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 1 av 10');
    // Scrolling by hand: the indicator follows the page under the upper third of the view.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="viewer-scroll"]')!;
      const p6 = document.querySelector('.pdf-page[data-page="6"]')!;
      el.scrollTop += p6.getBoundingClientRect().top - el.getBoundingClientRect().top - 100;
    });
    await expect.poll(() => indicator(page), POLL).toBe('Sida 6 av 10');
    // A search jump: "Frøyen" (the chair's name) is on page 2 only (pdftotext -f 2 -l 2).
    await page.getByTestId('viewer-search').fill('Frøyen');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 2 av 10');
    await screenshot(page, 'viewer-pages-sv');

    // Zoom to 200 % with the buttons (100 → 110 → 125 → 150 → 175 → 200).
    await page.getByTestId('viewer-search').fill('');
    for (let i = 0; i < 5; i++) await page.getByTestId('zoom-in').click();
    expect(await page.getByTestId('zoom-level').textContent()).toBe('200 %');
    await expect.poll(() => page.evaluate(() => Number(document.querySelector<HTMLElement>('.pdf-page[data-page="2"]')!.style.width.replace('px', ''))), POLL).toBeGreaterThan(1150);
    // Fully left: the page's left edge and its leftmost text are inside the visible box.
    const left = async () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="viewer-scroll"]')!;
        el.scrollLeft = 0;
        const box = el.getBoundingClientRect();
        const shown = [...document.querySelectorAll<HTMLElement>('.pdf-page')].find((p) => p.getBoundingClientRect().bottom > box.top + 50 && p.querySelector('.textLayer span'))!;
        const spans = [...shown.querySelectorAll<HTMLElement>('.textLayer span')].filter((s) => s.textContent!.trim() && s.getBoundingClientRect().top > box.top && s.getBoundingClientRect().bottom < box.bottom);
        const leftmost = spans.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)[0]!;
        const r = leftmost.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
        return { scrollable: el.scrollWidth > el.clientWidth, pageLeft: shown.getBoundingClientRect().left - box.left, textLeft: r.left - box.left, text: leftmost.textContent, hitIsText: hit === leftmost || leftmost.contains(hit) };
      });
    await expect.poll(async () => (await left()).hitIsText, POLL).toBe(true);
    const edge = await left();
    expect(edge.scrollable).toBe(true);
    // The page starts right after the container's 1 px border and 16 px padding, not before it.
    expect(edge.pageLeft).toBeGreaterThanOrEqual(16);
    expect(edge.textLeft).toBeGreaterThan(edge.pageLeft);
    await screenshot(page, 'viewer-zoom-200-sv');

    // Ctrl + wheel zooms at the pointer: the text under it stays under it.
    await page.getByTestId('fit-width').click();
    await page.waitForTimeout(300);
    const probe = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="viewer-scroll"]')!.getBoundingClientRect();
      const spans = [...document.querySelectorAll<HTMLElement>('.textLayer span')].filter((s) => {
        const r = s.getBoundingClientRect();
        return s.textContent!.trim().length > 10 && r.top > box.top + 150 && r.bottom < box.bottom - 150 && r.width > 60;
      });
      const s = spans[0]!;
      const r = s.getBoundingClientRect();
      const pageEl = s.closest<HTMLElement>('.pdf-page')!;
      const index = [...pageEl.querySelectorAll('.textLayer span')].indexOf(s);
      return { page: pageEl.dataset.page!, index, x: r.left + r.width * 0.3, y: r.top + r.height / 2, fx: 0.3 };
    });
    const scaleBefore = await page.getByTestId('zoom-level').textContent();
    await page.mouse.move(probe.x, probe.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(() => page.getByTestId('zoom-level').textContent(), POLL).not.toBe(scaleBefore);
    const spanAt = () =>
      page.evaluate(({ p, i }) => {
        const s = document.querySelectorAll<HTMLElement>(`.pdf-page[data-page="${p}"] .textLayer span`)[i];
        const r = s?.getBoundingClientRect();
        return r ? { left: r.left, width: r.width, top: r.top, height: r.height } : null;
      }, { p: probe.page, i: probe.index });
    await expect
      .poll(async () => {
        const r = await spanAt();
        return r ? Math.abs(r.left + r.width * probe.fx - probe.x) < 6 && Math.abs(r.top + r.height / 2 - probe.y) < 6 : false;
      }, POLL)
      .toBe(true);

    // Fit width: the page fills the view's width (within the 16 px paddings); fit page: its height fits.
    await page.getByTestId('fit-width').click();
    const widths = async () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="viewer-scroll"]')!;
        const p = document.querySelector<HTMLElement>('.pdf-page[data-page="1"]')!;
        return { view: el.clientWidth - 32, viewHeight: el.clientHeight - 32, page: p.getBoundingClientRect().width, pageHeight: p.getBoundingClientRect().height, scroll: el.scrollWidth > el.clientWidth };
      });
    await expect.poll(async () => Math.abs((await widths()).view - (await widths()).page) < 8, POLL).toBe(true);
    expect((await widths()).scroll).toBe(false);
    await page.getByTestId('fit-page').click();
    await expect.poll(async () => (await widths()).pageHeight <= (await widths()).viewHeight, POLL).toBe(true);
    await page.getByTestId('zoom-out').click();
    await page.keyboard.press('Control+0');
    await expect.poll(() => page.getByTestId('zoom-level').textContent(), POLL).toBe('100 %');

    // The reading position: page 5, away to Results, back through the navigation: page 5 again.
    await page.getByTestId('page-input').fill('5');
    await page.getByTestId('page-input').press('Enter');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 5 av 10');
    await page.locator('.pdf-page[data-page="5"] .textLayer span').first().waitFor();
    await page.waitForTimeout(600);
    await app.goTo('results');
    await app.goTo('coding');
    await expect.poll(() => indicator(page), POLL).toBe('Sida 5 av 10');
    await expect.poll(async () => Math.abs(await pageTop(page, 5)) < 60, POLL).toBe(true);
    await screenshot(page, 'viewer-restored-sv');

    await app.setLanguage('en');
    await expect.poll(() => indicator(page), POLL).toBe('Page 5 of 10');
    for (let i = 0; i < 5; i++) await page.getByTestId('zoom-in').click();
    await page.evaluate(() => (document.querySelector<HTMLElement>('[data-testid="viewer-scroll"]')!.scrollLeft = 0));
    await screenshot(page, 'viewer-zoom-200-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('paints passages in colours that tell variables apart, names them on hover and in a legend, and draws other coders\' passages distinctly', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE' });
    const app = new AppModel(page);
    await new ProjectsModel(page).create('Färger', 'Anna');
    await app.goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([DALARNA]);
    const [id] = await docs.idsByFileName();
    const coding = new CodingModel(page);
    // Anna codes two passages of two variables whose first value has the same colour in the
    // template (#1f77b4 for all 37): "Ansvarsfördelning mellan…" = Ja and "Att samverka" = Ja.
    await coding.judge(id!, 'ansvar_mellan', []);
    await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor({ timeout: 30_000 });
    const paneTop = async () => (await page.getByTestId('viewer-scroll').boundingBox())!.y;
    const topBefore = await paneTop();
    await coding.select('Lagstadgad');
    await page.keyboard.press('1');
    await coding.waitSaved();
    await expect.poll(() => page.getByTestId('legend-entry').count(), POLL).toBe(1);
    // The legend is one line that is always there: the first passage does not move the document.
    expect(await paneTop()).toBe(topBefore);
    await coding.variable('att_samverka').click({ position: { x: 4, y: 4 } });
    await coding.select('Länschefs');
    await page.keyboard.press('1');
    await coding.waitSaved();
    // Bertil (blind) codes "Länschefs nätverket", over Anna's "Länschefs", as "Ansvarsfördelning mellan…" = Ja.
    await app.addCoder('Bertil');
    await coding.judge(id!, 'ansvar_mellan', []);
    await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('legend-entry').count(), POLL).toBe(0);
    await coding.select('Länschefs nätverket');
    await page.keyboard.press('1');
    await coding.waitSaved();
    // Anna, the lead, lifts blinding for the coding stage (confirmed).
    await app.setCoder('Anna');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('blind-toggle').click();
    await expect.poll(() => page.getByTestId('blind-toggle').isChecked(), POLL).toBe(false);
    await expect.poll(() => page.getByTestId('legend-entry').count(), POLL).toBe(3);

    // The legend: Anna's two values in two different colours, Bertil's passage named and dashed.
    const entries = await page.getByTestId('legend-entry').evaluateAll((els) => els.map((e) => ({ text: e.textContent, colour: e.getAttribute('data-colour'), coder: e.getAttribute('data-coder') })));
    const own = entries.filter((e) => !e.coder);
    // In document order: "Länschefs nätverket" comes before "Lagstadgad" on page 1.
    expect(own.map((e) => e.text)).toEqual(['Att samverka: Ja (1)', 'Ansvarsfördelning mellan kommun och landsting: Ja (1)']);
    expect(own[0]!.colour).not.toBe(own[1]!.colour);
    // Neither is the template's blue nor the selection colour (highlight-palette.ts SELECTION_COLOUR).
    for (const e of own) expect(['#1f77b4', '#1f5fd6']).not.toContain(e.colour);
    const other = entries.find((e) => e.coder)!;
    expect(other).toMatchObject({ coder: 'Bertil', text: 'Ansvarsfördelning mellan kommun och landsting: Ja — Bertil (1)' });
    // Painted as they are listed: one filled highlight per own colour, Bertil's as an "other" highlight.
    const names = await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('ov-doc-')).sort());
    expect(names).toEqual([`ov-doc-other-${other.colour!.slice(1)}`, ...own.map((e) => `ov-doc-own-${e.colour!.slice(1)}`).sort()].sort());
    const css = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n'));
    expect(css).toContain(`::highlight(ov-doc-other-${other.colour!.slice(1)}) { background-color: rgba(`);
    expect(css).toMatch(new RegExp(`::highlight\\(ov-doc-other-${other.colour!.slice(1)}\\)[^}]*text-decoration: underline dashed`));

    // Hover names what is under the pointer: Anna's passage, then Bertil's and Anna's together.
    const lagstadgad = await pointOf(page, 'Lagstadgad');
    await page.mouse.move(lagstadgad.x, lagstadgad.y);
    await expect.poll(() => page.getByTestId('tooltip-line').allTextContents(), POLL).toEqual(['Ansvarsfördelning mellan kommun och landsting: Ja']);
    const both = await pointOf(page, 'Länschefs');
    await page.mouse.move(both.x, both.y);
    await expect.poll(async () => (await page.getByTestId('tooltip-line').allTextContents()).sort(), POLL).toEqual(['Ansvarsfördelning mellan kommun och landsting: Ja — Bertil', 'Att samverka: Ja']);
    await screenshot(page, 'viewer-highlights-sv');
    await page.mouse.move(5, 5);
    await expect.poll(() => page.getByTestId('highlight-tooltip').count(), POLL).toBe(0);

    await app.setLanguage('en');
    await expect.poll(() => page.getByTestId('legend-entry').allTextContents(), POLL).toContain('Division of responsibility between municipality and county council: Yes (1)');
    // The English labels may move the document: measure again.
    const again = await pointOf(page, 'Länschefs');
    await page.mouse.move(again.x, again.y);
    await expect.poll(() => page.getByTestId('tooltip-line').count(), POLL).toBe(2);
    await screenshot(page, 'viewer-highlights-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
