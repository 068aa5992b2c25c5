// Offline coders, with three installations (three IndexedDB databases): the lead sends packages
// with overlapping documents to Bertil and Cecilia, each codes differently and sends codings back,
// and the lead merges both. Every file goes through the zip format on the way.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type CoderCodingsData, type Judgement, type Segment } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { readCoderCodings, readCoderPackage, writeCoderCodings, writeCoderPackage } from '../../../src/formats/coder-package';
import { createStore, openDatabase, type BuiltPackage, type Store } from '../../../src/store';
import { tinyTemplate } from './fixtures';

const TEXTS: Record<string, string> = {
  d1: 'Dalarna: personer som vårdas enligt LVM omfattas av överenskommelsen.',
  d2: 'Uppsala: samordnad individuell plan (SIP) upprättas; LVM nämns inte.',
  d3: 'Sörmland: tvister om LVM hanteras av en gemensam grupp.',
};

const names: string[] = [];
const stores: Store[] = [];
function installation(label: string): Store {
  const name = `coder-packages-${label}-${Math.random()}`;
  names.push(name);
  const store = createStore(openDatabase(name));
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) s.db.close();
  for (const n of names.splice(0)) await indexedDB.deleteDatabase(n);
});

let lead: Store;
let projectId: string;
let anna: string;
let bertil: string;
let cecilia: string;
let versionId: string;

async function addDocument(store: Store, pid: string, id: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  await store.documents.add({
    meta: { id, projectId: pid, fileName: `${id}.txt`, kind: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, version: 1, importedAt: 1, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: 'county' }, warnings: [] },
    content: { documentId: id, text, pageStarts: [0] },
    file: { documentId: id, mimeType: 'text/plain', bytes: new Blob([bytes]) },
  });
}

beforeEach(async () => {
  lead = installation('lead');
  const created = await lead.projects.create({ name: 'Överenskommelser', coderName: 'Anna', template: tinyTemplate });
  projectId = created.project.id;
  anna = created.coder.id;
  bertil = (await lead.coders.add(projectId, 'Bertil')).id;
  cecilia = (await lead.coders.add(projectId, 'Cecilia')).id;
  versionId = (await lead.db.codebookVersions.toArray())[0]!.id;
  for (const [id, text] of Object.entries(TEXTS)) await addDocument(lead, projectId, id, text);
  // The lead codes d1 herself.
  await lead.codings.putJudgement(judgement(anna, 'd1', ['lvm.ja'], 10));
});

function judgement(coderId: string, documentId: string, valueIds: string[], at: number, extra: Partial<Judgement> = {}): Judgement {
  return { id: newId(), projectId, documentId, coderId, codebookVersionId: versionId, variableId: 'lvm', valueIds, status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: at, updatedAt: at, ...extra };
}

function passage(coderId: string, documentId: string, quote: string, at: number, valueId = 'lvm.ja'): Segment {
  const text = TEXTS[documentId]!;
  const start = text.indexOf(quote);
  return { id: newId(), projectId, documentId, coderId, codebookVersionId: versionId, variableId: 'lvm', valueId, selector: describeRange(text, start, start + quote.length, [0]), memo: '', orphaned: false, createdAt: at, updatedAt: at };
}

/** Lead → zip → coder's installation. */
async function send(pkg: BuiltPackage, to: Store) {
  const read = await readCoderPackage(await writeCoderPackage(pkg.data, pkg.files), 'paket.ovpackage');
  if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('; '));
  return to.coderPackages.importPackage(read.data, read.files);
}

/** Coder's installation → zip → what the lead reads. */
async function exportFrom(store: Store, coderId: string, at: number): Promise<CoderCodingsData> {
  const read = await readCoderCodings(await writeCoderCodings(await store.coderPackages.exportCodings(projectId, coderId, at)), 'kodningar.ovcodings');
  if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('; '));
  return read.data;
}

/** Everything coded in an installation, comparable across calls. */
async function snapshot(store: Store) {
  const sort = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    coders: sort(await store.db.coders.toArray()),
    segments: sort(await store.db.segments.toArray()),
    judgements: sort(await store.db.judgements.toArray()),
    memos: sort(await store.db.memos.toArray()),
  };
}

async function judgementsOf(store: Store, coderId: string) {
  const rows = await store.db.judgements.where('projectId').equals(projectId).filter((j) => j.coderId === coderId).toArray();
  return Object.fromEntries(rows.map((j) => [j.documentId, j.valueIds]));
}

/** The two-coder round: Bertil gets d1+d2, Cecilia d2+d3; both code and export. */
async function twoCoders() {
  const atBertil = installation('bertil');
  const atCecilia = installation('cecilia');
  const bPkg = await lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'd2'], versionId, 100);
  const cPkg = await lead.coderPackages.buildPackage(projectId, cecilia, ['d2', 'd3'], versionId, 100);
  const bImport = await send(bPkg, atBertil);
  await send(cPkg, atCecilia);

  const bSeg = passage(bertil, 'd1', 'LVM', 200);
  await atBertil.codings.addSegment(bSeg);
  await atBertil.codings.putJudgement(judgement(bertil, 'd1', ['lvm.ja'], 201, { evidenceSegmentIds: [bSeg.id] }));
  await atBertil.codings.putJudgement(judgement(bertil, 'd2', ['lvm.nej'], 202));
  await atBertil.codings.setDocumentMemo(projectId, 'd2', bertil, 'LVM nämns bara i förbigående.', 203);

  await atCecilia.codings.addSegment(passage(cecilia, 'd3', 'tvister om LVM', 300));
  await atCecilia.codings.putJudgement(judgement(cecilia, 'd2', ['lvm.ja'], 301));
  await atCecilia.codings.putJudgement(judgement(cecilia, 'd3', ['lvm.nej'], 302));

  return { atBertil, atCecilia, bImport, bFile: await exportFrom(atBertil, bertil, 500), cFile: await exportFrom(atCecilia, cecilia, 600), bSeg };
}

describe('coder packages', () => {
  it('gives the coder a project under the lead’s ids with only the assigned documents, blind, and nobody else’s codings', async () => {
    const atBertil = installation('bertil');
    await lead.codings.putJudgement(judgement(cecilia, 'd1', ['lvm.nej'], 11));
    const result = await send(await lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'd2'], versionId), atBertil);
    expect(result).toMatchObject({ projectId, coderId: bertil, coderName: 'Bertil', createdProject: true, documentsAdded: 2, documentsPresent: 0, codingsAdded: 0, versionAdded: true });
    const project = await atBertil.projects.get(projectId);
    expect(project?.settings.blindCoding).toBe(true);
    expect(project?.settings.codebookId).toBe((await lead.projects.get(projectId))?.settings.codebookId);
    expect((await atBertil.coders.list(projectId)).map((c) => [c.id, c.name, c.kind])).toEqual([
      [bertil, 'Bertil', 'human'],
      [expect.any(String), 'Konsensus', 'consensus'],
    ]);
    expect((await atBertil.documents.list(projectId)).map((d) => [d.id, d.attributes.level])).toEqual([
      ['d1', 'county'],
      ['d2', 'county'],
    ]);
    expect((await atBertil.documents.content('d2'))?.text).toBe(TEXTS.d2);
    expect(new TextDecoder().decode(await (await atBertil.documents.file('d1'))!.bytes.arrayBuffer())).toBe(TEXTS.d1);
    expect((await atBertil.codebooks.latestPublished(project!.settings.codebookId!))?.id).toBe(versionId);
    // Anna's and Cecilia's judgements on d1 stay with the lead.
    expect(await atBertil.db.judgements.count()).toBe(0);
  });

  it('imports the same package again without duplicating anything, and adds only what a newer package brings', async () => {
    const atBertil = installation('bertil');
    const first = await lead.coderPackages.buildPackage(projectId, bertil, ['d1'], versionId);
    await send(first, atBertil);
    await atBertil.codings.putJudgement(judgement(bertil, 'd1', ['lvm.ja'], 200));
    const before = await snapshot(atBertil);
    const again = await send(first, atBertil);
    expect(again).toMatchObject({ createdProject: false, documentsAdded: 0, documentsPresent: 1, codingsAdded: 0, versionAdded: false });
    expect(await snapshot(atBertil)).toEqual(before);
    const wider = await send(await lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'd3'], versionId), atBertil);
    expect(wider).toMatchObject({ createdProject: false, documentsAdded: 1, documentsPresent: 1 });
    expect((await atBertil.documents.list(projectId)).map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(await atBertil.db.judgements.count()).toBe(1);
  });

  it('refuses to build a package for a draft version, for the consensus coder or without documents', async () => {
    const codebookId = (await lead.projects.get(projectId))!.settings.codebookId!;
    const draft = await lead.versions.draft(codebookId);
    await expect(lead.coderPackages.buildPackage(projectId, bertil, ['d1'], draft.id)).rejects.toMatchObject({ code: 'version-not-published', userMessage: { sv: expect.stringContaining('Version 2 av kodboken är ett utkast') } });
    const consensus = (await lead.coders.list(projectId)).find((c) => c.kind === 'consensus')!;
    await expect(lead.coderPackages.buildPackage(projectId, consensus.id, ['d1'], versionId)).rejects.toMatchObject({ code: 'package-consensus-coder' });
    await expect(lead.coderPackages.buildPackage(projectId, bertil, [], versionId)).rejects.toMatchObject({ code: 'package-no-documents' });
    await expect(lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'nope'], versionId)).rejects.toMatchObject({ code: 'document-not-found' });
  });

  it('refuses a package that clashes with the coder’s installation, changing nothing', async () => {
    const atBertil = installation('bertil');
    const pkg = await lead.coderPackages.buildPackage(projectId, bertil, ['d1'], versionId);
    await send(pkg, atBertil);
    await atBertil.db.documents.update('d1', { sha256: 'f'.repeat(64) });
    const before = await snapshot(atBertil);
    await expect(send(await lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'd2'], versionId), atBertil)).rejects.toMatchObject({
      code: 'package-conflict',
      userMessage: { en: 'The coder package cannot be imported: "d1.txt" is already here but is a different file. Nothing was changed.' },
    });
    expect(await snapshot(atBertil)).toEqual(before);
    expect(await atBertil.documents.get('d2')).toBeUndefined();
  });
});

describe('merging two coders’ codings', () => {
  it('puts each coder’s codings under that coder and leaves the lead’s own untouched', async () => {
    const { bFile, cFile, bSeg } = await twoCoders();
    const bReport = await lead.coderPackages.mergeCodings(projectId, bFile);
    expect(bReport).toMatchObject({ coder: { id: bertil, name: 'Bertil', added: false }, added: { segments: 1, judgements: 2, memos: 1 }, updated: { segments: 0, judgements: 0, memos: 0 }, skipped: [] });
    const cReport = await lead.coderPackages.mergeCodings(projectId, cFile);
    expect(cReport).toMatchObject({ coder: { id: cecilia }, added: { segments: 1, judgements: 2, memos: 0 }, skipped: [] });

    expect(await judgementsOf(lead, anna)).toEqual({ d1: ['lvm.ja'] });
    expect(await judgementsOf(lead, bertil)).toEqual({ d1: ['lvm.ja'], d2: ['lvm.nej'] });
    expect(await judgementsOf(lead, cecilia)).toEqual({ d2: ['lvm.ja'], d3: ['lvm.nej'] });
    expect((await lead.codings.segmentsFor('d1', bertil)).map((s) => s.selector.quote.exact)).toEqual(['LVM']);
    expect((await lead.codings.segmentsFor('d3', cecilia)).map((s) => s.selector.quote.exact)).toEqual(['tvister om LVM']);
    expect((await lead.codings.judgementsFor('d1', bertil))[0]?.evidenceSegmentIds).toEqual([bSeg.id]);
    expect((await lead.codings.documentMemo('d2', bertil))?.text).toBe('LVM nämns bara i förbigående.');
    expect(await lead.codings.documentMemo('d2', cecilia)).toBeUndefined();
  });

  it('is idempotent: the same files again change nothing and count everything as unchanged', async () => {
    const { bFile, cFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    await lead.coderPackages.mergeCodings(projectId, cFile);
    const before = await snapshot(lead);
    const again = await lead.coderPackages.mergeCodings(projectId, bFile);
    expect(again).toMatchObject({ added: { segments: 0, judgements: 0, memos: 0 }, updated: { segments: 0, judgements: 0, memos: 0 }, unchanged: { segments: 1, judgements: 2, memos: 1 }, removed: { segments: 0, judgements: 0, memos: 0 }, skipped: [] });
    await lead.coderPackages.mergeCodings(projectId, cFile);
    expect(await snapshot(lead)).toEqual(before);
  });

  it('a newer export replaces that coder’s older judgement; an older file arriving late does not undo it', async () => {
    const { atBertil, bFile, cFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    await lead.coderPackages.mergeCodings(projectId, cFile);
    const existing = (await atBertil.codings.judgementsFor('d2', bertil))[0]!;
    await atBertil.codings.putJudgement({ ...existing, valueIds: ['lvm.ja'], updatedAt: 700 });
    const newer = await exportFrom(atBertil, bertil, 800);
    const report = await lead.coderPackages.mergeCodings(projectId, newer);
    expect(report).toMatchObject({ updated: { judgements: 1 }, unchanged: { segments: 1, judgements: 1, memos: 1 } });
    expect(await judgementsOf(lead, bertil)).toEqual({ d1: ['lvm.ja'], d2: ['lvm.ja'] });
    expect(await lead.db.judgements.where('[documentId+coderId]').equals(['d2', bertil]).count()).toBe(1);
    expect(await judgementsOf(lead, cecilia)).toEqual({ d2: ['lvm.ja'], d3: ['lvm.nej'] });
    expect(await judgementsOf(lead, anna)).toEqual({ d1: ['lvm.ja'] });

    const late = await lead.coderPackages.mergeCodings(projectId, bFile);
    expect(late.skipped.map((s) => [s.kind, s.reason])).toEqual([['judgement', 'older-than-project']]);
    expect(late.skipped[0]!.message.sv).toBe('Bedömningen av "LVM" i "d2.txt": projektet har en senare ändring än filen; projektets behölls.');
    expect(await judgementsOf(lead, bertil)).toEqual({ d1: ['lvm.ja'], d2: ['lvm.ja'] });
  });

  it('a judgement the coder made anew (another id, same document and variable) replaces the old row, keeping one', async () => {
    const { atBertil, bFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    const old = (await atBertil.codings.judgementsFor('d2', bertil))[0]!;
    await atBertil.db.judgements.delete(old.id);
    const fresh = judgement(bertil, 'd2', ['lvm.ja'], 900);
    await atBertil.codings.putJudgement(fresh);
    const report = await lead.coderPackages.mergeCodings(projectId, await exportFrom(atBertil, bertil, 950));
    expect(report).toMatchObject({ updated: { judgements: 1 } });
    const rows = await lead.db.judgements.where('[documentId+coderId]').equals(['d2', bertil]).toArray();
    expect(rows.map((j) => [j.id, j.valueIds])).toEqual([[fresh.id, ['lvm.ja']]]);
  });

  it('reports and skips codings on unknown documents, changed documents and unknown codebook versions', async () => {
    const { atBertil } = await twoCoders();
    // Bertil imports a document of his own, and publishes a local codebook version and codes under it.
    await addDocument(atBertil, projectId, 'egen', 'Ett eget dokument om LVM.');
    await atBertil.codings.putJudgement(judgement(bertil, 'egen', ['lvm.ja'], 400));
    const codebookId = (await atBertil.projects.get(projectId))!.settings.codebookId!;
    const localVersion = await atBertil.versions.publish((await atBertil.versions.draft(codebookId, 401)).id, 402);
    const existing = (await atBertil.codings.judgementsFor('d2', bertil))[0]!;
    await atBertil.codings.putJudgement({ ...existing, codebookVersionId: localVersion.id, updatedAt: 403 });
    const file = await exportFrom(atBertil, bertil, 500);
    // And d1's bytes at Bertil are not the lead's d1 (as if he had swapped the file).
    const changed = { ...file, documents: file.documents.map((d) => (d.id === 'd1' ? { ...d, sha256: 'e'.repeat(64) } : d)) };
    const annaBefore = await judgementsOf(lead, anna);

    const report = await lead.coderPackages.mergeCodings(projectId, changed);
    expect(report.skipped.map((s) => [s.kind, s.id, s.reason])).toEqual([
      ['codebook-version', localVersion.id, 'unknown-version'],
      ['document', 'd1', 'changed-document'],
      ['document', 'egen', 'unknown-document'],
    ]);
    expect(report.skipped.map((s) => s.message.en)).toEqual([
      'Codebook version 2 in the file is not in the project (the lead did not make it): 1 codings under it were not imported.',
      '"d1.txt" at the coder is not the same file as the project\'s "d1.txt" (SHA-256 differs): 2 codings on it were not imported.',
      '"egen.txt" is not in the project (the coder may have imported it themselves): 1 codings on it were not imported.',
    ]);
    // Only the memo on d2 arrives; nothing lands on another document, version or coder.
    expect(report.added).toEqual({ segments: 0, judgements: 0, memos: 1 });
    expect(await judgementsOf(lead, bertil)).toEqual({});
    expect(await lead.db.segments.filter((s) => s.coderId === bertil).count()).toBe(0);
    expect(await lead.documents.get('egen')).toBeUndefined();
    expect(await judgementsOf(lead, anna)).toEqual(annaBefore);
    expect(await lead.db.codebookVersions.get(localVersion.id)).toBeUndefined();
  });

  it('skips a coding whose value is not in the codebook version', async () => {
    const { bFile } = await twoCoders();
    const bad = { ...bFile, judgements: bFile.judgements.map((j) => (j.documentId === 'd2' ? { ...j, valueIds: ['lvm.kanske'] } : j)) };
    const report = await lead.coderPackages.mergeCodings(projectId, bad);
    expect(report.skipped.map((s) => [s.kind, s.reason, s.message.en])).toEqual([['judgement', 'unknown-value', 'The judgement of "LVM" in "d2.txt": the variable or a value is not in the codebook version; skipped.']]);
    expect(await judgementsOf(lead, bertil)).toEqual({ d1: ['lvm.ja'] });
  });

  it('refuses a file from another project, and a coder who only shares a name, changing nothing', async () => {
    const { bFile } = await twoCoders();
    const before = await snapshot(lead);
    const moved = <T extends { projectId: string }>(rows: T[]) => rows.map((r) => ({ ...r, projectId: 'other' }));
    const otherProject = { ...bFile, project: { ...bFile.project, id: 'other', name: 'Annat' }, segments: moved(bFile.segments), judgements: moved(bFile.judgements), memos: moved(bFile.memos) };
    await expect(lead.coderPackages.mergeCodings(projectId, otherProject)).rejects.toMatchObject({
      code: 'codings-other-project',
      userMessage: { sv: 'Kodningarna kommer från projektet "Annat", inte från "Överenskommelser". Öppna det projektet och importera dem där. Inget importerades.' },
    });
    // Another project with the same name: told apart by id and creation date.
    const twin = { ...otherProject, project: { ...otherProject.project, name: 'Överenskommelser' } };
    const created = new Date((await lead.projects.get(projectId))!.createdAt).toISOString().slice(0, 10);
    await expect(lead.coderPackages.mergeCodings(projectId, twin)).rejects.toMatchObject({
      userMessage: {
        sv: `Kodningarna kommer från projektet "Överenskommelser" (id other), inte från "Överenskommelser" (skapat ${created}, id ${projectId.slice(0, 8)}). Öppna det projektet och importera dem där. Inget importerades.`,
      },
    });
    const impostor = 'not-bertil';
    const retag = <T extends { coderId: string }>(rows: T[]) => rows.map((r) => ({ ...r, coderId: impostor }));
    await expect(
      lead.coderPackages.mergeCodings(projectId, { ...bFile, coder: { id: impostor, name: 'bertil' }, segments: retag(bFile.segments), judgements: retag(bFile.judgements), memos: retag(bFile.memos) }),
    ).rejects.toMatchObject({ code: 'codings-coder-unknown' });
    expect(await snapshot(lead)).toEqual(before);
  });

  it('brings back a coder the project no longer has, under the same id', async () => {
    const { bFile } = await twoCoders();
    await lead.db.coders.delete(bertil);
    const report = await lead.coderPackages.mergeCodings(projectId, bFile);
    expect(report.coder).toEqual({ id: bertil, name: 'Bertil', added: true });
    expect((await lead.coders.list(projectId)).map((c) => c.name)).toEqual(['Anna', 'Cecilia', 'Bertil', 'Konsensus']);
  });

  it('keeps passages the coder removed unless asked, then removes them and their evidence links', async () => {
    const { atBertil, bFile, cFile, bSeg } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    await lead.coderPackages.mergeCodings(projectId, cFile);
    await atBertil.codings.deleteSegment(bSeg.id, 650);
    const after = await exportFrom(atBertil, bertil, 700);

    const kept = await lead.coderPackages.mergeCodings(projectId, after);
    expect(kept.notInFile).toEqual({ segments: 1, judgements: 0, memos: 0 });
    expect(kept.removed).toEqual({ segments: 0, judgements: 0, memos: 0 });
    expect(kept.updated.judgements).toBe(1); // the evidence link went with the passage at Bertil's
    expect(await lead.db.segments.get(bSeg.id)).toBeDefined();

    const removed = await lead.coderPackages.mergeCodings(projectId, after, { removeMissing: true });
    expect(removed.removed).toEqual({ segments: 1, judgements: 0, memos: 0 });
    expect(await lead.db.segments.get(bSeg.id)).toBeUndefined();
    expect((await lead.codings.judgementsFor('d1', bertil))[0]?.evidenceSegmentIds).toEqual([]);
    // Cecilia's passage on d3 and everything of Anna's are untouched.
    expect(await lead.db.segments.filter((s) => s.coderId === cecilia && s.documentId === 'd3').count()).toBe(1);
    expect(await judgementsOf(lead, anna)).toEqual({ d1: ['lvm.ja'] });
  });

  it('never removes a coding changed in the project after the file was exported', async () => {
    const { atBertil, bFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    // The lead adds a passage as Bertil at her own machine after Bertil's next export.
    const file = await exportFrom(atBertil, bertil, 550);
    const late = passage(bertil, 'd2', 'SIP', 900);
    await lead.codings.addSegment(late);
    const report = await lead.coderPackages.mergeCodings(projectId, file, { removeMissing: true });
    expect(report.skipped.map((s) => [s.kind, s.id, s.reason])).toEqual([['segment', late.id, 'newer-than-file']]);
    expect(await lead.db.segments.get(late.id)).toBeDefined();
  });

  it('a failure in the middle of a merge leaves the previous state', async () => {
    const { bFile, cFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, cFile);
    const before = await snapshot(lead);
    // Passages and judgements are written before the memo; make the memo write fail.
    const failing = (): never => {
      throw new Error('disk full');
    };
    lead.db.memos.hook('creating', failing);
    await expect(lead.coderPackages.mergeCodings(projectId, bFile)).rejects.toThrow('disk full');
    lead.db.memos.hook('creating').unsubscribe(failing);
    expect(await snapshot(lead)).toEqual(before);
    // And then it goes through.
    expect((await lead.coderPackages.mergeCodings(projectId, bFile)).added).toEqual({ segments: 1, judgements: 2, memos: 1 });
  });

  it('a re-issued package carries the coder’s own merged codings to a new installation, and nobody else’s', async () => {
    const { bFile, cFile } = await twoCoders();
    await lead.coderPackages.mergeCodings(projectId, bFile);
    await lead.coderPackages.mergeCodings(projectId, cFile);
    const fresh = installation('bertil-new-laptop');
    const result = await send(await lead.coderPackages.buildPackage(projectId, bertil, ['d1', 'd2'], versionId), fresh);
    expect(result.codingsAdded).toBe(4);
    expect((await fresh.db.judgements.toArray()).map((j) => j.coderId)).toEqual([bertil, bertil]);
    // Exported again unchanged, it merges as unchanged.
    const back = await lead.coderPackages.mergeCodings(projectId, await exportFrom(fresh, bertil, 1000));
    expect(back).toMatchObject({ added: { segments: 0, judgements: 0, memos: 0 }, updated: { segments: 0, judgements: 0, memos: 0 }, unchanged: { segments: 1, judgements: 2, memos: 1 } });
  });
});
