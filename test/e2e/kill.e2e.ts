// The kill test (issue 18): every coding the app ever showed as saved survives the browser being
// killed. Chromium runs on a persistent profile (a user-data-dir in a temporary folder, started by
// this test and reached over CDP); a burst of quick judgements is clicked in the page; each time
// the indicator turns to "saved" the page reports how many clicks had been made; the whole
// browser (its process group) is SIGKILLed mid-burst; Chromium starts again on the same profile,
// and the store must hold, for every variable clicked before the last "saved", the value of its
// last click before it — or of a later click (later writes may have committed before the kill).
import { afterAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from './browser';
import { AppModel, ProjectsModel } from './models/app';
import { DocumentsModel, SHARED } from './models/documents';
import { storedJudgements } from './models/stored';

const profile = mkdtempSync(path.join(tmpdir(), 'overens-kill-'));
const started: ChildProcess[] = [];
afterAll(() => {
  // Only the browsers this test started, by their process group.
  for (const proc of started) if (proc.exitCode === null && proc.signalCode === null) killGroup(proc);
  rmSync(profile, { recursive: true, force: true });
});

function killGroup(proc: ChildProcess): void {
  try {
    process.kill(-proc.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Chromium on the test's profile, in a process group of its own, connected over CDP. */
async function startChromium(): Promise<{ proc: ChildProcess; browser: Browser; page: Page }> {
  const proc = spawn(chromiumPath(), [...CHROMIUM_FLAGS, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1400,900', '--lang=sv-SE', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(proc);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools URL in 30 s: ${output}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${output}`)));
  });
  const browser = await chromium.connectOverCDP(url, { timeout: 30_000 });
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  return { proc, browser, page };
}

/** The single-valued, non-derived variables of the template, with their value keys in order. */
function singleVariables(): { key: string; values: string[] }[] {
  const template = JSON.parse(readFileSync(new URL('../../codebook/vardanalys-2017.json', import.meta.url), 'utf8')) as {
    content: { variables: { key: string; kind: string; derived?: unknown; values: { key: string }[] }[] };
  };
  return template.content.variables.filter((v) => v.kind === 'single' && !v.derived).map((v) => ({ key: v.key, values: v.values.map((x) => x.key) }));
}

describe('kill test', () => {
  it('every judgement shown as saved is in the store after the browser is SIGKILLed mid-burst', async () => {
    const variables = singleVariables();
    // The burst: rounds over every variable, each round a different value (round + position).
    const clicks = Array.from({ length: 20 }, (_, round) => variables.map((v, i) => ({ variable: v.key, value: (round + i) % v.values.length }))).flat();

    const first = await startChromium();
    const { page } = first;
    await page.goto(inject('baseUrl'));
    await new ProjectsModel(page).create('Dödad webbläsare', 'Anna');
    await new AppModel(page).goTo('documents');
    const docs = new DocumentsModel(page);
    await docs.importFiles([`${SHARED}corpus/text/dalarna-2021-utf8.md`]);
    await docs.open('dalarna-2021-utf8.md');
    await page.getByTestId('text-view').waitFor();
    await page.getByTestId('coding-variable').first().waitFor();

    // What the page reports: "saved after n clicks", and each group of clicks started.
    const savedAfter: number[] = [];
    let groupsStarted = 0;
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('overens-saved ')) savedAfter.push(Number(text.slice('overens-saved '.length)));
      else if (text.startsWith('overens-group ')) groupsStarted = Number(text.slice('overens-group '.length));
    });
    // The burst runs in the page: groups of 4 clicks 10 ms apart, then a pause until the
    // indicator says saved (at most 2 s), so "saved" moments happen while the burst goes on.
    await page.evaluate((plan) => {
      const w = window as unknown as { __clicks: number };
      w.__clicks = 0;
      const indicator = document.querySelector('[data-testid="save-state"]') as HTMLElement;
      new MutationObserver(() => {
        // Runs before any further click (clicks are tasks, this is a microtask after React's commit).
        if (indicator.dataset.state === 'saved') console.log(`overens-saved ${w.__clicks}`);
      }).observe(indicator, { attributes: true, attributeFilter: ['data-state'] });
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      void (async () => {
        for (let start = 0; start < plan.length; start += 4) {
          console.log(`overens-group ${start / 4 + 1}`);
          for (const click of plan.slice(start, start + 4)) {
            const card = document.querySelector(`[data-testid="coding-variable"][data-variable="${click.variable}"]`)!;
            (card.querySelectorAll('[data-testid="value-button"]')[click.value] as HTMLElement).click();
            w.__clicks++;
            await sleep(10);
          }
          for (let t = 0; t < 200 && indicator.dataset.state !== 'saved'; t++) await sleep(10);
        }
      })();
    }, clicks);

    // Kill mid-burst: once the page has said "saved" a dozen times, just after the next group of
    // clicks began (so writes are being made and queued when the browser dies).
    await expect.poll(() => savedAfter.length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(12);
    const group = groupsStarted;
    await expect.poll(() => groupsStarted, { timeout: 10_000, interval: 5 }).toBeGreaterThan(group);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 30)));
    const exited = new Promise((r) => first.proc.once('exit', r));
    killGroup(first.proc);
    await exited;
    const totalGroups = Math.ceil(clicks.length / 4);
    // Killed while the burst was still going.
    expect(groupsStarted).toBeLessThan(totalGroups);
    const shownSaved = Math.max(...savedAfter);
    expect(shownSaved).toBeGreaterThan(0);

    // Start again on the same profile; the app opens the project it was on.
    const second = await startChromium();
    await second.page.goto(inject('baseUrl'));
    await second.page.getByTestId('view-coding').or(second.page.getByTestId('view-projects')).first().waitFor({ timeout: 30_000 });
    const stored = await storedJudgements(second.page);

    const lost: string[] = [];
    const clicked = new Set(clicks.slice(0, shownSaved).map((c) => c.variable));
    for (const key of clicked) {
      const values = variables.find((v) => v.key === key)!.values;
      const lastShown = clicks.slice(0, shownSaved).findLast((c) => c.variable === key)!;
      const allowed = new Set([lastShown, ...clicks.slice(shownSaved).filter((c) => c.variable === key)].map((c) => values[c.value]));
      const got = stored[key]?.[0];
      if (!got || !allowed.has(got)) lost.push(`${key}: shown saved as ${values[lastShown.value]}, stored ${got ?? 'nothing'}`);
    }
    expect(lost).toEqual([]);
    // Nothing else was written: every stored judgement is of a variable the burst clicked.
    expect(Object.keys(stored).filter((k) => !clicks.some((c) => c.variable === k))).toEqual([]);
    await second.browser.close().catch(() => undefined);
    killGroup(second.proc);
    console.log(`kill test: killed after ${shownSaved} clicks shown saved (${savedAfter.length} "saved" moments, group ${groupsStarted} of ${totalGroups}); ${clicked.size} variables checked`);
  });
});
