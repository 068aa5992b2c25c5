/**
 * A backup or coder package that is valid row by row but points into another project — its
 * segments, judgements or memos naming a document, coder or codebook version the file's own
 * project does not have — is refused with what was wrong: the row kind, how many rows, the first.
 * (Before, such a backup restored and its rows appeared in the other project as its coder's own.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../src/formats/backup';
import { readCoderPackage, writeCoderPackage } from '../../../src/formats/coder-package';
import type { BackupData } from '../../../src/core';
import { seededProject, type Seeded } from './project';

let seeded: Seeded;
let other: { projectId: string; coderId: string; versionId: string };
let data: BackupData;
let files: Map<string, Uint8Array>;
beforeAll(async () => {
  seeded = await seededProject();
  const created = await seeded.store.projects.create({ name: 'Annan studie', coderName: 'Eva', template: (await import('../store/fixtures')).tinyTemplate });
  const versions = await seeded.store.db.codebookVersions.where('projectId').equals(created.project.id).toArray();
  other = { projectId: created.project.id, coderId: created.coder.id, versionId: versions[0]!.id };
  ({ data, files } = await seeded.store.backups.collect(seeded.projectId));
});
afterAll(() => seeded.close());

const en = (r: { ok: boolean; problems?: { en: string }[] }) => (r.ok ? [] : r.problems!.map((p) => p.en));

describe('cross-project rows', () => {
  it('refuses a backup whose judgements name another project\'s coder and codebook version', async () => {
    const j = data.judgements[0]!;
    // Planted rows carry this project's id (so the projectId check passes) but another project's coder and version.
    const planted = [1, 2, 3].map((n) => ({ ...j, id: `planted-${n}`, variableId: `v${n}`, coderId: other.coderId, codebookVersionId: other.versionId }));
    const memo = { id: 'm-planted', projectId: seeded.projectId, documentId: 'elsewhere', coderId: seeded.coderId, text: 'x', updatedAt: 1 };
    const hostile = { ...data, judgements: [j, ...planted], memos: [...data.memos, memo] };
    const read = await readBackup(await writeBackup(hostile as BackupData, files), { fileName: 'planted.ovbackup' });
    expect(en(read)).toEqual([
      'planted.ovbackup: backup.json does not match the format (3 problems):',
      `judgements: 3 rows refer to a coder that is not in this project (first: judgements[1].coderId "${other.coderId}")`,
      `judgements: 3 rows refer to a codebook version that is not in this project (first: judgements[1].codebookVersionId "${other.versionId}")`,
      'memos: 1 row refers to a document that is not in this project (first: memos[0].documentId "elsewhere")',
    ]);
    // The untampered backup is accepted (the control).
    expect((await readBackup(await writeBackup(data, files))).ok).toBe(true);
  });

  it('refuses a coder package whose codings belong to another coder or name a document it does not carry', async () => {
    const pkg = await seeded.store.coderPackages.buildPackage(seeded.projectId, seeded.secondCoderId, ['d1'], seeded.versionId);
    const j = { ...data.judgements[0]!, id: 'pj', coderId: other.coderId };
    const hostile = { ...pkg.data, codings: { ...pkg.data.codings, judgements: [j], memos: [{ id: 'pm', projectId: seeded.projectId, documentId: 'elsewhere', coderId: seeded.secondCoderId, text: 'x', updatedAt: 1 }] } };
    const read = await readCoderPackage(await writeCoderPackage(hostile, pkg.files), 'planted.ovpackage');
    expect(en(read)).toEqual([
      'planted.ovpackage: manifest.json does not match the format (2 problems). Nothing was imported.',
      'codings.judgements[0].coderId: belongs to another coder',
      'codings.memos[0].documentId: document "elsewhere" is not listed in the file',
    ]);
  });
});
