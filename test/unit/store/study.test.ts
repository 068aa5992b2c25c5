// The study workflow in the store (fake-indexeddb): schema version 3 opens a version-2 database
// with its data; assignments, samples, consensus with its history (set, changed, withdrawn,
// re-opened by a changed judgement), blinding only by the lead and recorded, twins, deleting a
// coder safely, and the backup and coder package carrying the new records. Expected values are
// counted by hand from the fixtures below.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Judgement } from '../../../src/core';
import { readBackup, writeBackup } from '../../../src/formats/backup';
import { readCoderPackage, writeCoderPackage } from '../../../src/formats/coder-package';
import { createStore, openDatabase, openDatabaseV2, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

let store: Store;
let dbName: string;
const extra: string[] = [];
beforeEach(() => {
  dbName = `study-${Math.random().toString(36).slice(2)}`;
  store = createStore(openDatabase(dbName));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(dbName);
  for (const n of extra.splice(0)) await indexedDB.deleteDatabase(n);
});

async function seed() {
  const { project, coder: anna, consensusCoder } = await store.projects.create({ name: 'Studie', coderName: 'Anna', template: tinyTemplate });
  const bertil = await store.coders.add(project.id, 'Bertil');
  const version = (await store.db.codebookVersions.toArray())[0]!;
  for (const id of ['d1', 'd2', 'd3']) {
    const text = `Dokument ${id} nämner LVM.`;
    const bytes = new TextEncoder().encode(text);
    await store.documents.add({
      meta: { id, projectId: project.id, fileName: `${id}.txt`, kind: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, version: 1, importedAt: 1, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: 'county' }, warnings: [] },
      content: { documentId: id, text, pageStarts: [0] },
      file: { documentId: id, mimeType: 'text/plain', bytes: new Blob([bytes]) },
    });
  }
  const judge = (coderId: string, documentId: string, value: 'ja' | 'nej', at = 10): Promise<Judgement> =>
    store.codings.putJudgement({ id: newId(), projectId: project.id, documentId, coderId, codebookVersionId: version.id, variableId: 'lvm', valueIds: [`lvm.${value}`], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: at, updatedAt: at });
  return { project, anna: anna.id, bertil: bertil.id, consensus: consensusCoder.id, version, judge };
}

describe('schema version 3', () => {
  it('opens a database created by version 2 with its data, names the lead and gives each consensus its basis', async () => {
    store.db.close();
    await indexedDB.deleteDatabase(dbName);
    const v2 = openDatabaseV2(dbName);
    await v2.open();
    await v2.table('projects').add({ id: 'p', name: 'Från version 2', description: '', createdAt: 1, updatedAt: 1, settings: { blindCoding: true } });
    await v2.table('coders').bulkAdd([
      { id: 'b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
      { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
      { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
    ]);
    const j = (id: string, coderId: string, value: string, resolution?: object) => ({ id, projectId: 'p', documentId: 'd', coderId, codebookVersionId: 'v', variableId: 'lvm', valueIds: [value], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, resolution });
    await v2.table('judgements').bulkAdd([j('ja', 'a', 'lvm.ja'), j('jb', 'b', 'lvm.nej'), j('jk', 'k', 'lvm.ja', { reason: 'r', coderIds: ['a', 'b'], resolvedAt: 5 })]);
    v2.close();
    store = createStore(openDatabase(dbName));
    expect(store.db.verno).toBe(4);
    expect((await store.projects.get('p'))?.settings).toEqual({ blindCoding: true, leadCoderId: 'a' });
    expect((await store.db.judgements.get('jk'))?.resolution?.basis).toEqual([{ coderId: 'a', valueIds: ['lvm.ja'] }, { coderId: 'b', valueIds: ['lvm.nej'] }]);
    expect((await store.db.judgements.get('ja'))?.valueIds).toEqual(['lvm.ja']);
    expect(await store.study.assignments('p')).toEqual([]);
  });
});

describe('assignments and samples', () => {
  it('keeps one primary coder per agreement and one role per coder, and records how a sample was drawn', async () => {
    const { project, anna, bertil } = await seed();
    expect(await store.study.assign(project.id, ['d1', 'd2', 'd3'], anna, 'primary')).toBe(3);
    // Bertil becomes the primary coder of d3: Anna's primary assignment of d3 goes.
    await store.study.assign(project.id, ['d3'], bertil, 'primary');
    const sample = await store.study.assignSample({ projectId: project.id, coderId: bertil, mode: 'n', amount: 2, stratum: 'level', seed: 7, population: 3, documentIds: ['d1', 'd3'] });
    const rows = (await store.study.assignments(project.id)).map((a) => `${a.documentId}:${a.coderId === anna ? 'A' : 'B'}:${a.role}`).sort();
    // d3: Bertil's role became reliability (one role per coder and document), and d3 has no primary now.
    expect(rows).toEqual(['d1:A:primary', 'd1:B:reliability', 'd2:A:primary', 'd3:B:reliability']);
    expect((await store.study.samples(project.id))[0]).toMatchObject({ id: sample.id, seed: 7, stratum: 'level', population: 3, documentIds: ['d1', 'd3'] });
    expect((await store.documents.get('d1'))?.attributes.urval).toBe('Bertil');
    await expect(store.study.assign(project.id, ['gone'], anna, 'primary')).rejects.toMatchObject({ code: 'document-not-found' });
  });
});

describe('consensus with its history', () => {
  it('sets, changes and withdraws a consensus, never touching the coders’ judgements, and records a re-opening', async () => {
    const { project, anna, bertil, consensus, version, judge } = await seed();
    await judge(anna, 'd1', 'ja');
    await judge(bertil, 'd1', 'nej');
    const base = { projectId: project.id, documentId: 'd1', variableId: 'lvm', codebookVersionId: version.id, coderIds: [anna, bertil], byCoderId: anna };
    await store.study.setConsensus({ ...base, valueIds: ['lvm.ja'], reason: 'LVM nämns.' }, 100);
    const made = (await store.codings.judgementsFor('d1', consensus))[0]!;
    expect(made.resolution).toEqual({ reason: 'LVM nämns.', coderIds: [anna, bertil], resolvedAt: 100, basis: [{ coderId: anna, valueIds: ['lvm.ja'] }, { coderId: bertil, valueIds: ['lvm.nej'] }], byCoderId: anna });
    await store.study.setConsensus({ ...base, valueIds: ['lvm.nej'], reason: 'Bara i bilagan.' }, 200);
    // Bertil changes his judgement after the consensus: it is re-opened; deciding again records that first.
    await judge(bertil, 'd1', 'ja', 300);
    await store.study.withdrawConsensus({ projectId: project.id, documentId: 'd1', variableId: 'lvm', reason: 'Nu överens.', byCoderId: anna }, 400);
    const history = (await store.study.consensusHistory(project.id)).map((e) => [e.action, e.previousValueIds.join(), e.valueIds.join(), e.reason, e.at]);
    expect(history).toEqual([
      ['set', '', 'lvm.ja', 'LVM nämns.', 100],
      ['changed', 'lvm.ja', 'lvm.nej', 'Bara i bilagan.', 200],
      ['reopened', 'lvm.nej', '', `${bertil}: lvm.nej → lvm.ja`, 300],
      ['withdrawn', 'lvm.nej', '', 'Nu överens.', 400],
    ]);
    expect(await store.codings.judgementsFor('d1', consensus)).toEqual([]);
    expect((await store.codings.judgementsFor('d1', anna))[0]?.valueIds).toEqual(['lvm.ja']);
    await expect(store.study.setConsensus({ ...base, valueIds: ['lvm.ja'], reason: '  ' })).rejects.toMatchObject({ code: 'consensus-reason' });
    await expect(store.study.withdrawConsensus({ projectId: project.id, documentId: 'd1', variableId: 'lvm', reason: 'x' })).rejects.toMatchObject({ code: 'consensus-not-found' });
  });
});

describe('blinding', () => {
  it('is changed only by the lead, and every change is recorded', async () => {
    const { project, anna, bertil } = await seed();
    await expect(store.study.setBlinding(project.id, bertil, { scope: 'coding', blind: false })).rejects.toMatchObject({ code: 'blinding-not-lead', userMessage: { en: 'Only the project lead (Anna) can change blinding.' } });
    expect((await store.projects.get(project.id))?.settings.blindCoding).toBe(true);
    await store.study.setBlinding(project.id, anna, { scope: 'stage', stage: 'review' }, 50);
    await store.study.setBlinding(project.id, anna, { scope: 'coder', coderId: bertil, blind: true }, 60);
    await store.study.setBlinding(project.id, anna, { scope: 'coder', coderId: bertil, blind: true }, 70);
    const settings = (await store.projects.get(project.id))!.settings;
    expect([settings.stage, settings.blindCoders]).toEqual(['review', { [bertil]: true }]);
    // The repeated, unchanged setting is not recorded twice.
    expect((await store.study.blindingEvents(project.id)).map((e) => [e.scope, e.from, e.to, e.at])).toEqual([
      ['stage', 'coding', 'review', 50],
      ['coder', 'stage', 'blind', 60],
    ]);
  });
});

describe('twins', () => {
  it('links a file to its agreement (taking its attributes) and unlinks it when the agreement’s file is deleted', async () => {
    const { project } = await seed();
    await store.documents.setAttributes('d1', { level: 'local', county: 'Dalarna' });
    await store.documents.linkTwin('d2', 'd1', 0.995, 9);
    expect((await store.documents.get('d2'))).toMatchObject({ twin: { of: 'd1', similarity: 0.995, linkedAt: 9 }, attributes: { level: 'local', county: 'Dalarna' } });
    // Linking to a twin links to the agreement's own file.
    await store.documents.linkTwin('d3', 'd2', 0.99);
    expect((await store.documents.get('d3'))?.twin?.of).toBe('d1');
    await store.documents.delete('d1');
    expect((await store.documents.list(project.id)).map((d) => [d.id, d.twin])).toEqual([['d2', undefined], ['d3', undefined]]);
  });
});

describe('deleting a coder', () => {
  it('is refused with the counts while their judgements feed the final dataset, else reassigns their assignments', async () => {
    const { project, anna, bertil, version, judge } = await seed();
    const cecilia = (await store.coders.add(project.id, 'Cecilia')).id;
    await judge(bertil, 'd1', 'ja');
    await judge(bertil, 'd2', 'nej');
    await judge(anna, 'd2', 'nej');
    // Bertil's two judgements: d1 single coder, d2 agreed with Anna → 2 cells in 2 agreements.
    expect(await store.study.coderDeletionPlan(project.id, bertil, version)).toMatchObject({ judgements: 2, feedsFinal: 2, feedsUnits: 2 });
    await expect(store.study.deleteCoder(project.id, bertil, { version })).rejects.toMatchObject({
      code: 'coder-feeds-final',
      userMessage: { en: 'The coder Bertil cannot be deleted: 2 values of the final dataset (in 2 agreements) rest on their 2 judgements.' },
    });
    expect(await store.db.coders.get(bertil)).toBeDefined();
    // Cecilia has only an assignment: after confirmation it moves to Anna and Cecilia goes.
    await store.study.assign(project.id, ['d3'], cecilia, 'reliability');
    await store.study.deleteCoder(project.id, cecilia, { version, reassignTo: anna });
    expect(await store.db.coders.get(cecilia)).toBeUndefined();
    expect((await store.study.assignments(project.id)).map((a) => [a.documentId, a.coderId, a.role])).toEqual([['d3', anna, 'reliability']]);
    // The lead cannot be deleted; the name "final" is reserved for the final dataset's rows.
    await expect(store.study.deleteCoder(project.id, anna, { version: undefined })).rejects.toMatchObject({ code: 'coder-is-lead' });
    await expect(store.coders.add(project.id, 'Final')).rejects.toMatchObject({ code: 'coder-name-reserved' });
  });
});

describe('backup and coder package', () => {
  it('carry assignments, samples, consensus history, blinding and twin links', async () => {
    const { project, anna, bertil, version, judge } = await seed();
    await store.study.assign(project.id, ['d1', 'd2'], anna, 'primary');
    await store.study.assignSample({ projectId: project.id, coderId: bertil, mode: 'percent', amount: 50, seed: 1, population: 3, documentIds: ['d1'] });
    await judge(anna, 'd1', 'ja');
    await judge(bertil, 'd1', 'nej');
    await store.study.setConsensus({ projectId: project.id, documentId: 'd1', variableId: 'lvm', codebookVersionId: version.id, valueIds: ['lvm.ja'], reason: 'r', coderIds: [anna, bertil] });
    await store.study.setBlinding(project.id, anna, { scope: 'coder', coderId: bertil, blind: true });
    await store.documents.linkTwin('d3', 'd2', 1);
    const { data, files } = await store.backups.collect(project.id);
    const read = await readBackup(await writeBackup(data, files));
    if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('; '));
    const other = `study-restore-${Math.random()}`;
    extra.push(other);
    const restored = createStore(openDatabase(other));
    await restored.backups.restore(read.data, read.files, { replace: false });
    expect((await restored.study.assignments(project.id)).length).toBe(3);
    expect((await restored.study.samples(project.id)).length).toBe(1);
    expect((await restored.study.consensusHistory(project.id)).map((e) => e.action)).toEqual(['set']);
    expect((await restored.study.blindingEvents(project.id)).length).toBe(1);
    expect((await restored.documents.get('d3'))?.twin?.of).toBe('d2');
    expect((await restored.projects.get(project.id))?.settings.blindCoders).toEqual({ [bertil]: true });
    restored.db.close();

    // Bertil's package: his reliability assignment and the lead's blinding; d3 alone travels unlinked.
    const pkg = await store.coderPackages.buildPackage(project.id, bertil, ['d1', 'd3'], version.id);
    expect(pkg.data.assignments?.map((a) => [a.documentId, a.role])).toEqual([['d1', 'reliability']]);
    expect(pkg.data.blinding).toEqual({ leadCoderId: anna, blindCoding: true, stage: undefined, blindInReview: undefined, blind: true });
    expect(pkg.data.documents.find((d) => d.id === 'd3')?.twin).toBeUndefined();
    const atBertilName = `study-bertil-${Math.random()}`;
    extra.push(atBertilName);
    const atBertil = createStore(openDatabase(atBertilName));
    const readPkg = await readCoderPackage(await writeCoderPackage(pkg.data, pkg.files), 'b.ovpackage');
    if (!readPkg.ok) throw new Error(readPkg.problems.map((p) => p.en).join('; '));
    await atBertil.coderPackages.importPackage(readPkg.data, readPkg.files);
    expect((await atBertil.projects.get(project.id))?.settings).toMatchObject({ blindCoding: true, leadCoderId: anna, stage: 'coding' });
    expect((await atBertil.study.assignments(project.id)).map((a) => a.role)).toEqual(['reliability']);
    // Bertil is not the lead in his own installation either: he cannot unblind.
    await expect(atBertil.study.setBlinding(project.id, bertil, { scope: 'coding', blind: false })).rejects.toMatchObject({ code: 'blinding-not-lead' });
    atBertil.db.close();
  });
});
