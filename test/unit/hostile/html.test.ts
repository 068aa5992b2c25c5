/**
 * HTML that a backup, a coder package or an old database brings in is run through the one
 * sanitiser before it is stored (before, `documentContents.html` was any string, rendered as it
 * was: a <meta refresh> navigated the tab away, a full-window link took every click, and without a
 * CSP a script ran). HTML whose text is not the document's text is refused.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupData } from '../../../src/core';
import { readBackup, writeBackup } from '../../../src/formats/backup';
import { readCoderPackage, writeCoderPackage } from '../../../src/formats/coder-package';
import { createStore, openDatabase, openDatabaseV3 } from '../../../src/store';
import { seededProject, TEXT, type Seeded } from './project';

/** Hostile HTML whose rendered text is TEXT (so it passes the text check and shows what is removed). */
const HOSTILE =
  '<meta http-equiv="refresh" content="0;url=https://evil.example">' +
  '<script>alert(1)</script>' +
  `<p><a href="https://evil.example" style="position:fixed;inset:0;z-index:9999">${TEXT}</a><img src="x" onerror="alert(2)"></p>`;
const CLEAN = `<p><a href="https://evil.example" rel="noopener noreferrer">${TEXT}</a></p>`;

let seeded: Seeded;
let data: BackupData;
let files: Map<string, Uint8Array>;
beforeAll(async () => {
  seeded = await seededProject();
  ({ data, files } = await seeded.store.backups.collect(seeded.projectId));
});
afterAll(() => seeded.close());

const withHtml = (html: string): BackupData => ({ ...data, documentContents: data.documentContents.map((c) => ({ ...c, html: html as never })) });

describe('HTML from outside', () => {
  it('is sanitised when a backup is read, and stored sanitised on restore', async () => {
    const read = await readBackup(await writeBackup(withHtml(HOSTILE), files));
    if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('\n'));
    expect(read.data.documentContents[0]!.html).toBe(CLEAN);
    const name = `html-restore-${Math.random()}`;
    const target = createStore(openDatabase(name));
    try {
      await target.backups.restore(read.data, read.files, { replace: false });
      expect((await target.documents.content('d1'))?.html).toBe(CLEAN);
    } finally {
      target.db.close();
      await indexedDB.deleteDatabase(name);
    }
  });

  it('refuses HTML whose text is not the document text', async () => {
    const read = await readBackup(await writeBackup(withHtml('<p>något helt annat</p>'), files), { fileName: 'annan.ovbackup' });
    expect(read.ok ? [] : read.problems.map((p) => p.en)).toEqual(['annan.ovbackup: backup.json does not match the format (1 problem):', 'documentContents[0].html: the text of the HTML differs from the document text']);
  });

  it('is sanitised when a coder package is read', async () => {
    const pkg = await seeded.store.coderPackages.buildPackage(seeded.projectId, seeded.secondCoderId, ['d1'], seeded.versionId);
    const hostile = { ...pkg.data, documentContents: pkg.data.documentContents.map((c) => ({ ...c, html: HOSTILE as never })) };
    const read = await readCoderPackage(await writeCoderPackage(hostile, pkg.files), 'html.ovpackage');
    if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('\n'));
    expect(read.data.documentContents[0]!.html).toBe(CLEAN);
  });

  it('already in a database of schema version 3 is sanitised by the upgrade', async () => {
    const name = `html-upgrade-${Math.random()}`;
    const v3 = openDatabaseV3(name);
    await v3.table('documentContents').add({ documentId: 'old', text: TEXT, pageStarts: [0], html: HOSTILE });
    await v3.table('documentContents').add({ documentId: 'pdf', text: 'x', pageStarts: [0] });
    v3.close();
    const db = openDatabase(name);
    try {
      expect((await db.documentContents.get('old'))?.html).toBe(CLEAN);
      expect((await db.documentContents.get('pdf'))?.html).toBeUndefined();
    } finally {
      db.close();
      await indexedDB.deleteDatabase(name);
    }
  });
});
