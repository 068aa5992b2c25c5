/** Page object for the application shell (header, navigation) and the Projects view. */
import type { Locator, Page } from 'playwright-core';

export type ViewName = 'projects' | 'documents' | 'codebook' | 'coding' | 'reliability' | 'results';

export class AppModel {
  constructor(readonly page: Page) {}

  get currentProject(): Locator {
    return this.page.getByTestId('current-project');
  }

  async goTo(view: ViewName): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
    await this.page.getByTestId(`view-${view}`).waitFor();
  }

  async setLanguage(lang: 'sv' | 'en'): Promise<void> {
    await this.page.getByTestId('language-select').selectOption(lang);
  }

  /** Add a coder to the open project (it becomes the active one). */
  async addCoder(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept(name));
    await this.page.getByTestId('coder-select').selectOption('__add__');
    await this.page.waitForFunction((wanted) => (document.querySelector('[data-testid="coder-select"]') as HTMLSelectElement).selectedOptions[0]?.textContent === wanted, name);
  }

  async setCoder(name: string): Promise<void> {
    await this.page.getByTestId('coder-select').selectOption({ label: name });
  }
}

export class ProjectsModel {
  constructor(readonly page: Page) {}

  get items(): Locator {
    return this.page.getByTestId('project-item');
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByTestId('project-name').getByText(name, { exact: true }) });
  }

  async create(name: string, coder: string, template = 'vardanalys-2017'): Promise<void> {
    await this.page.getByTestId('new-project-name').fill(name);
    await this.page.getByTestId('new-project-coder').fill(coder);
    await this.page.getByTestId('new-project-template').selectOption(template);
    await this.page.getByTestId('create-project').click();
    await this.item(name).waitFor();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.item(from).getByTestId('rename-project').click();
    await this.page.getByTestId('rename-input').fill(to);
    await this.page.getByTestId('rename-input').press('Enter');
    await this.item(to).waitFor();
  }

  async delete(name: string): Promise<void> {
    await this.item(name).getByTestId('delete-project').click();
    await this.page.getByTestId('confirm-delete').click();
    await this.item(name).waitFor({ state: 'detached' });
  }

  async open(name: string): Promise<void> {
    await this.item(name).getByTestId('open-project').click();
  }
}

export class CodebookModel {
  constructor(readonly page: Page) {}

  get variableLabels(): Locator {
    return this.page.getByTestId('variable-label');
  }

  get version(): Locator {
    return this.page.getByTestId('codebook-version');
  }
}
