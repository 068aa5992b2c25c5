/** Page objects for the Documents view (import) and the Coding workspace. */
import type { Page } from 'playwright-core';

export const SHARED = new URL('../../../../shared/', import.meta.url).pathname;

export class DocumentsModel {
  constructor(readonly page: Page) {}

  /** Import files through the platform's file dialog; resolves when the batch has finished. */
  async importFiles(paths: string[]): Promise<void> {
    if (await this.page.getByTestId('close-import').isVisible()) await this.page.getByTestId('close-import').click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('import-files').click();
    await (await chooser).setFiles(paths);
    await this.page.getByTestId('close-import').waitFor({ timeout: 60_000 });
  }

  /** The ids of all documents in IndexedDB, in file-name order. */
  async idsByFileName(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('overens');
          req.onsuccess = () => {
            const all = req.result.transaction('documents').objectStore('documents').getAll();
            all.onsuccess = () => resolve((all.result as { id: string; fileName: string }[]).sort((a, b) => a.fileName.localeCompare(b.fileName)).map((d) => d.id));
          };
        }),
    );
  }

  async results(status: 'imported' | 'duplicate' | 'failed'): Promise<string[]> {
    return this.page.getByTestId(`import-${status}`).allTextContents();
  }

  async open(fileName: string): Promise<void> {
    await this.page.getByTestId('document-file').getByRole('button', { name: fileName, exact: true }).click();
    await this.page.getByTestId('view-coding').waitFor();
  }
}

export class CodingModel {
  constructor(readonly page: Page) {}

  /**
   * Judge `variable` on a document by its value keys (a multi-valued variable toggles each). The
   * variable is focused by its corner: a click in the middle could land on a value button.
   */
  async judge(documentId: string, variable: string, keys: readonly string[]): Promise<void> {
    await this.page.evaluate((id) => (window.location.hash = `#/coding?doc=${id}`), documentId);
    await this.page.getByTestId('text-view').or(this.page.getByTestId('pdf-page').first()).first().waitFor();
    await this.variable(variable).click({ position: { x: 4, y: 4 } });
    for (const key of keys) {
      await this.page.keyboard.press(key);
      await this.waitSaved();
    }
  }

  /** Select the first occurrence of `text` inside the viewer (PDF text layer or DOCX/TXT view). */
  async select(text: string): Promise<void> {
    // Select, and select again on the next poll until the app has taken the selection (a page's
    // text layer can be in the DOM a moment before the viewer has mapped it).
    await this.page.waitForFunction((needle) => {
      const info = document.querySelector('[data-testid="selection-info"]');
      const current = window.getSelection()?.toString();
      if (info && current === needle) return true;
      const root = document.querySelector('[data-testid="viewer-scroll"]');
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(needle);
        if (at !== -1) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + needle.length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return false;
        }
      }
      return false;
    }, text, { polling: 200 });
  }

  /** The texts of all painted highlights (CSS Custom Highlight API), search hits excluded. */
  async highlightedTexts(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...CSS.highlights.entries()]
        .filter(([name]) => !name.endsWith('-ffe066') && !name.endsWith('-ff8c00'))
        .flatMap(([, h]) => [...h].map((r) => r.toString())),
    );
  }

  async waitSaved(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.className.includes('saved'));
  }

  variable(key: string) {
    return this.page.locator(`[data-testid="coding-variable"][data-variable="${key}"]`);
  }
}
