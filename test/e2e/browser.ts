/**
 * Chromium for the e2e tests: Debian's /usr/bin/chromium through playwright-core (Playwright's
 * own browser download is not possible here). Each test gets a fresh browser context, which is
 * a fresh profile with its own IndexedDB.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { mkdirSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

export interface AppSession {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors seen so far. */
  errors: string[];
}

export async function openApp(browser: Browser, options: { locale?: string; initScript?: string } = {}): Promise<AppSession> {
  const context = await browser.newContext({ locale: options.locale ?? 'sv-SE', viewport: { width: 1400, height: 900 } });
  // Runs before the app's own scripts, e.g. to stand in for the Electron preload's bridge.
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(inject('baseUrl'));
  return { context, page, errors };
}

/** Screenshots go to test-results/ so a person can look at them. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
