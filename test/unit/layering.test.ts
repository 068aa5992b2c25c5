// The layering of docs/ARCHITECTURE.md is enforced by ESLint's no-restricted-imports per folder.
// These cases lint small virtual files placed in each layer: forbidden imports must fail, allowed
// ones must pass. If someone loosens eslint.config.js, this test fails.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [string, string][] = [
  ['src/core/fixture.ts', "import { openDatabase } from '../store/db';"],
  ['src/core/agreement/fixture.ts', "import { x } from '../../ingest/pdf';"],
  ['src/core/fixture.ts', "import { Dexie } from 'dexie';"],
  ['src/core/fixture.ts', "import { readFileSync } from 'node:fs';"],
  ['src/core/fixture.ts', "import { useState } from 'react';"],
  ['src/formats/fixture.ts', "import { createStore } from '../store';"],
  ['src/ingest/fixture.ts', "import { x } from '../formats/csv';"],
  ['src/store/fixture.ts', "import { x } from '../ingest/pdf';"],
  ['src/cli/fixture.ts', "import { createStore } from '../store';"],
  ['src/cli/commands/fixture.ts', "import { App } from '../../../renderer/App';"],
  ['renderer/fixture.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer/views/fixture.ts', "import { main } from '../../src/cli/main';"],
  ['electron/fixture.ts', "import { createStore } from '../src/store';"],
  ['electron/fixture.ts', "import { App } from '../renderer/App';"],
];

const allowed: [string, string][] = [
  ['src/store/fixture.ts', "import { Project } from '../core';"],
  ['src/cli/fixture.ts', "import { readFileSync } from 'node:fs';\nimport { Project } from '../core';"],
  ['renderer/fixture.ts', "import { createStore } from '../src/store';\nimport { Project } from '../src/core';"],
  ['electron/fixture.ts', "import { app } from 'electron';\nimport { Project } from '../src/core';"],
  ['src/ingest/fixture.ts', "import { getDocument } from 'pdfjs-dist';\nimport { Project } from '../core';"],
];

describe('layering lint (no-restricted-imports per folder)', () => {
  it.each(forbidden)('%s may not: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toEqual([]);
  });

  it.each(allowed)('%s may: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
