// Data safety in the coding view (issue 18): the save indicator counts every pending write and
// keeps a failed one visible with a retry; undo in one tab refuses over a change saved in another
// tab; a memo being typed survives another tab saving a memo; closing the window with a write
// pending or failed asks first. Two pages of one browser context
// share the origin's IndexedDB and localStorage, as two tabs of one browser do.
//
// Two real conditions hold the queue without mocking the app: another connection holding a
// readwrite transaction on the coding tables (IndexedDB runs overlapping readwrite transactions
// one after the other, so the app's writes wait), and an injected write failure (the page's
// IDBObjectStore.put/add/delete throw QuotaExceededError while `window.__failWrites` is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, openApp, screenshot } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { CodingModel, DocumentsModel, SHARED } from './models/documents';
import { storedJudgements } from './models/stored';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FAIL_WRITES = `(() => {
  for (const method of ['put', 'add', 'delete']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__failWrites && ['judgements', 'segments', 'memos'].includes(this.name)) {
        throw new DOMException('Injected write failure (test)', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  }
})();`;

/** Hold a readwrite transaction on the coding tables from a second connection until release. */
async function holdWrites(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { __held: boolean };
        const req = indexedDB.open('overens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['judgements', 'segments', 'memos'], 'readwrite');
          const store = tx.objectStore('judgements');
          w.__held = true;
          const spin = () => {
            if (w.__held) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
  );
}
const release = (page: Page) => page.evaluate(() => void ((window as unknown as { __held: boolean }).__held = false));
const failWrites = (page: Page, on: boolean) => page.evaluate((value) => void ((window as unknown as { __failWrites: boolean }).__failWrites = value), on);
const saveState = (page: Page) => page.getByTestId('save-state');
const poll = { timeout: 10_000 };

async function codingProject(page: Page, name: string): Promise<CodingModel> {
  await new ProjectsModel(page).create(name, 'Anna');
  await new AppModel(page).goTo('documents');
  const docs = new DocumentsModel(page);
  await docs.importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`]);
  await docs.open('dalarna-2021-utf8.md');
  await page.getByTestId('text-view').waitFor();
  return new CodingModel(page);
}

describe('the save indicator', () => {
  it('counts pending writes, keeps a failed one with a retry, and never says saved for what was not (sv, then en)', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE', initScript: FAIL_WRITES });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const coding = await codingProject(page, 'Spara');
    const total = await page.getByTestId('coding-variable').count();
    await coding.variable('ansvar_mellan').click({ position: { x: 4, y: 4 } });

    // Three judgements while another connection holds the tables: "Sparar 3…" until it lets go.
    await holdWrites(page);
    for (const key of ['1', 'ArrowDown', '1', 'ArrowDown', '1']) await page.keyboard.press(key);
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Sparar 3…');
    await screenshot(page, 'save-saving-sv');
    // Nothing is committed yet, and the indicator does not pretend otherwise.
    await expect.poll(() => saveState(page).getAttribute('data-state'), poll).toBe('saving');
    await release(page);
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Sparat');
    expect(await storedJudgements(page)).toEqual({ ansvar_mellan: ['ja'], ansvar_inom_kommun: ['ja'], ansvar_inom_landsting: ['ja'] });

    // A failing write: the queue stops at it and says so, with what waits behind it.
    await failWrites(page, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('2');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Kunde inte spara (1)Försök igen');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Kunde inte spara (2)Försök igen');
    await expect.poll(() => page.getByTestId('notice-error').first().textContent(), poll).toContain('Injected write failure (test)');
    await screenshot(page, 'save-error-sv');
    // Ctrl+Z drops the newest unsaved judgement; Retry writes the other once writing works again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Kunde inte spara (1)Försök igen');
    await failWrites(page, false);
    await page.getByTestId('save-retry').click();
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Sparat');
    expect(await storedJudgements(page)).toEqual({ ansvar_mellan: ['ja'], ansvar_inom_kommun: ['ja'], ansvar_inom_landsting: ['ja'], psykosocial_behandling: ['kommunen'] });
    await expect.poll(() => page.getByTestId('judged-progress').textContent(), poll).toBe(`4 av ${total} variabler bedömda`);

    // Ctrl+Z after a failed save: the unsaved judgement is dropped, nothing saved is undone, and
    // the indicator says what happened — not "Sparat".
    await failWrites(page, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).getAttribute('data-state'), poll).toBe('error');
    await page.keyboard.press('Control+z');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Ångrat (sparades aldrig)');
    await screenshot(page, 'save-discarded-sv');
    await failWrites(page, false);
    expect(Object.keys(await storedJudgements(page))).toHaveLength(4);

    // The same in English.
    await new AppModel(page).setLanguage('en');
    await holdWrites(page);
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Saving 2…');
    await screenshot(page, 'save-saving-en');
    await release(page);
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Saved');
    await failWrites(page, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Could not save (1)Retry');
    await screenshot(page, 'save-error-en');
    await page.keyboard.press('Control+z');
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Undone (never saved)');
    await screenshot(page, 'save-discarded-en');
    await failWrites(page, false);
    // Three writes failed (the queue stopped three times): each was reported once (the notice
    // logs it to the console), and nothing else went wrong.
    expect(errors).toHaveLength(3);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('closing the window', () => {
  it('asks first while a write is pending or failed, and closes without asking once all is saved', async () => {
    const { page, context, errors } = await openApp(browser, { locale: 'sv-SE', initScript: FAIL_WRITES });
    const coding = await codingProject(page, 'Stäng');
    await coding.variable('ansvar_mellan').click({ position: { x: 4, y: 4 } });
    // Every beforeunload dialog is answered "stay" (the browser's own "Leave site?" question).
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });

    // A judgement waiting for the store: closing asks, and staying keeps it.
    await holdWrites(page);
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).getAttribute('data-state'), poll).toBe('saving');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked, poll).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await release(page);
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Sparat');

    // A failed write is only in memory: closing asks again.
    await failWrites(page, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await expect.poll(() => saveState(page).getAttribute('data-state'), poll).toBe('error');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length, poll).toBe(2);
    expect(page.isClosed()).toBe(false);
    await failWrites(page, false);
    await page.getByTestId('save-retry').click();
    await expect.poll(() => saveState(page).textContent(), poll).toBe('Sparat');
    expect(await storedJudgements(page)).toEqual({ ansvar_mellan: ['ja'], ansvar_inom_kommun: ['ja'] });

    // Everything saved: the window closes without a question.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed(), poll).toBe(true);
    expect(asked).toHaveLength(2);
    expect(errors).toHaveLength(1); // the injected failure, reported once
    await context.close();
  });
});

describe('two tabs', () => {
  async function twoTabs(name: string) {
    const a = await openApp(browser, { locale: 'sv-SE' });
    const coding = await codingProject(a.page, name);
    // Tab B: the same origin, profile and project; the same document.
    const pageB = await a.context.newPage();
    const errorsB: string[] = [];
    pageB.on('console', (msg) => void (msg.type() === 'error' && errorsB.push(msg.text())));
    await pageB.goto(`${inject('baseUrl')}${new URL(a.page.url()).hash}`);
    await pageB.getByTestId('text-view').waitFor();
    return { ...a, coding, pageA: a.page, pageB, codingB: new CodingModel(pageB), errorsB };
  }

  it("tab B's Ctrl+Z does not delete the judgement tab A changed; it says why", async () => {
    const { context, pageA, pageB, coding, codingB, errors, errorsB } = await twoTabs('Två flikar');
    // Tab B judges LVM "Ja"; tab A sees it come in and changes it to "Nej".
    await codingB.variable('lvm').click({ position: { x: 4, y: 4 } });
    await pageB.keyboard.press('1');
    await expect.poll(() => saveState(pageB).textContent(), poll).toBe('Sparat');
    await expect.poll(() => coding.variable('lvm').locator('.value-button.chosen').textContent(), poll).toContain('Ja');
    await coding.variable('lvm').click({ position: { x: 4, y: 4 } });
    await pageA.keyboard.press('2');
    await expect.poll(() => saveState(pageA).textContent(), poll).toBe('Sparat');
    await expect.poll(() => codingB.variable('lvm').locator('.value-button.chosen').textContent(), poll).toContain('Nej');
    // Tab B undoes its own "Ja": refused, A's "Nej" stays, in the store and in both tabs.
    await pageB.keyboard.press('Control+z');
    await expect.poll(() => saveState(pageB).textContent(), poll).toBe('Inte ångrat');
    await expect
      .poll(() => pageB.getByTestId('notice-error').first().textContent(), poll)
      .toContain('Ångrades inte: bedömningen av ”LVM” har ändrats i en annan flik eller ett annat fönster.');
    await screenshot(pageB, 'two-tabs-undo-refused-sv');
    expect((await storedJudgements(pageA)).lvm).toEqual(['nej']);
    await expect.poll(() => coding.variable('lvm').locator('.value-button.chosen').textContent(), poll).toContain('Nej');
    expect(errors).toEqual([]);
    expect(errorsB.filter((e) => !e.includes('was changed in another tab or window'))).toEqual([]);
    await context.close();
  });

  it('a memo being typed in tab A survives tab B saving the memo, and is saved when A leaves the field', async () => {
    const { context, pageA, pageB, errors, errorsB } = await twoTabs('Memo i två flikar');
    await pageA.getByTestId('document-memo-toggle').click();
    await pageB.getByTestId('document-memo-toggle').click();
    // A types (and stays in the field).
    await pageA.getByTestId('document-memo').fill('Utkast från A, inte sparat än');
    // B writes its memo and leaves the field: saved.
    await pageB.getByTestId('document-memo').fill('Från B');
    await pageB.getByTestId('judged-progress').click();
    await expect.poll(() => saveState(pageB).textContent(), poll).toBe('Sparat');
    // A's draft is still there, with a note that the memo changed elsewhere.
    await expect.poll(() => pageA.getByTestId('memo-changed-elsewhere').isVisible(), poll).toBe(true);
    expect(await pageA.getByTestId('document-memo').inputValue()).toBe('Utkast från A, inte sparat än');
    await screenshot(pageA, 'two-tabs-memo-draft-kept-sv');
    // A leaves the field: A's text is saved, and B (not typing) shows it.
    await pageA.getByTestId('judged-progress').click();
    await expect.poll(() => saveState(pageA).textContent(), poll).toBe('Sparat');
    await expect.poll(() => pageB.getByTestId('document-memo').inputValue(), poll).toBe('Utkast från A, inte sparat än');

    // The same for a judgement's memo.
    const codingA = new CodingModel(pageA);
    const codingB = new CodingModel(pageB);
    await codingA.variable('lvm').click({ position: { x: 4, y: 4 } });
    await pageA.keyboard.press('1');
    await expect.poll(() => saveState(pageA).textContent(), poll).toBe('Sparat');
    await codingB.variable('lvm').click({ position: { x: 4, y: 4 } });
    await pageB.getByTestId('judgement-memo').waitFor(poll);
    await pageA.getByTestId('judgement-memo').fill('A skriver');
    await pageB.getByTestId('judgement-memo').fill('B sparar');
    await pageB.getByTestId('judged-progress').click();
    await expect.poll(() => saveState(pageB).textContent(), poll).toBe('Sparat');
    await expect.poll(() => pageA.getByTestId('memo-changed-elsewhere').isVisible(), poll).toBe(true);
    expect(await pageA.getByTestId('judgement-memo').inputValue()).toBe('A skriver');
    expect(errors).toEqual([]);
    expect(errorsB).toEqual([]);
    await context.close();
  });
});
