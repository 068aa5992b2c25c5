// REFI-QDA export: project.qde validates against the QDA-XML 1.0 schema (xmllint), the codebook,
// sources, selections, codings, users, variables and notes are all there, and the .qdpx zip holds
// the sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shared } from '../../shared-dir';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Coder, DocumentMeta, Judgement, Segment } from '../../../src/core';
import { describeRange } from '../../../src/core/anchoring';
import { getTemplate } from '../../../src/core/codebook';
import { codePointOffset, exportQdpx, guidFor, projectQde, type QdpxInput } from '../../../src/formats/refi-qda';
import { readQdpx } from '../../../src/formats/refi-qda-import';
import { qdpxToBackup } from '../../../src/formats/refi-qda-to-project';

const XSD = shared('refi-qda', 'Project.xsd');
const content = getTemplate('vardanalys-2017')!.content;
const text = 'Överenskommelsen omfattar personer som vårdas enligt LVM 🙂 och samordnad individuell plan (SIP).';
const coders: Coder[] = [
  { id: '11111111-1111-4111-8111-111111111111', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: '22222222-2222-4222-8222-222222222222', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const meta = (id: string, kind: 'pdf' | 'txt'): DocumentMeta => ({
  id, projectId: 'p', fileName: `${id}.${kind}`, kind, sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1_700_000_000_000, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: 'county', county: 'Dalarna & Co' }, warnings: [],
});
const segment = (id: string, documentId: string, phrase: string, valueId: string): Segment => {
  const start = text.indexOf(phrase);
  return { id, projectId: 'p', documentId, coderId: coders[0]!.id, codebookVersionId: 'v', variableId: valueId.split('.').slice(0, 2).join('.'), valueId, selector: describeRange(text, start, start + phrase.length), memo: 'viktigt <här>', orphaned: false, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 };
};
const judgement: Judgement = { id: 'j1', projectId: 'p', documentId: 'aaaaaaaa-0000-4000-8000-000000000001', coderId: coders[0]!.id, codebookVersionId: 'v', variableId: 'va17.lvm', valueIds: ['va17.lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1 };
const input: QdpxInput = {
  project: { id: 'p', name: 'Överenskommelser "2017"', description: 'Test', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, settings: { blindCoding: true } },
  coders,
  content,
  documents: [
    { meta: meta('aaaaaaaa-0000-4000-8000-000000000001', 'pdf'), content: { documentId: 'x', text, pageStarts: [0] }, bytes: new Uint8Array([37, 80, 68, 70]) },
    { meta: meta('aaaaaaaa-0000-4000-8000-000000000002', 'txt'), content: { documentId: 'y', text, pageStarts: [0] }, bytes: new Uint8Array() },
  ],
  segments: [segment('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'LVM', 'va17.lvm.ja'), segment('bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000002', 'samordnad individuell plan (SIP)', 'va17.sip.ja')],
  // A judgement with a memo and a consensus judgement with its reason: both written as notes on codings.
  judgements: [
    { ...judgement, memo: 'Tydligt <nämnt>' },
    { ...judgement, id: 'j2', coderId: '22222222-2222-4222-8222-222222222222', memo: '', resolution: { reason: 'Enligt avsnitt 3 & 4', coderIds: [coders[0]!.id, '33333333-3333-4333-8333-333333333333'], resolvedAt: 2 } },
  ],
  memos: [{ id: 'm', projectId: 'p', documentId: 'aaaaaaaa-0000-4000-8000-000000000002', coderId: coders[0]!.id, text: 'Oklart', updatedAt: 1 }],
};

describe('REFI-QDA export', () => {
  it('writes a project.qde that validates against Project.xsd (xmllint)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'overens-qde-'));
    const file = path.join(dir, 'project.qde');
    writeFileSync(file, projectQde(input));
    const out = execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });

  it('maps codebook, sources, selections, codings, users, variables and notes', () => {
    const qde = projectQde(input);
    expect(qde).toContain(`<Code guid="${guidFor('va17.lvm')}" name="LVM" isCodable="false">`);
    expect(qde).toContain(`<Code guid="${guidFor('va17.lvm.ja')}" name="Ja" isCodable="true" color="#1f77b4">`);
    expect(qde).toContain('<User guid="11111111-1111-4111-8111-111111111111" name="Anna" id="Anna"/>');
    expect(qde).toContain('<PlainTextContent>Tydligt &lt;nämnt&gt;</PlainTextContent>');
    expect(qde).toContain('<PlainTextContent>Enligt avsnitt 3 &amp; 4</PlainTextContent>');
    expect(qde).toMatch(/<Coding guid="[^"]+" creatingUser="22222222-2222-4222-8222-222222222222"[^>]*><CodeRef targetGUID="[^"]+"\/><NoteRef targetGUID="[^"]+"\/><\/Coding>/);
    expect(qde).toMatch(/<PDFSource guid="aaaaaaaa-0000-4000-8000-000000000001" name="aaaaaaaa-0000-4000-8000-000000000001.pdf" path="internal:\/\/aaaaaaaa-0000-4000-8000-000000000001.pdf"/);
    expect(qde).toContain('<TextSource guid="aaaaaaaa-0000-4000-8000-000000000002"');
    // Positions count Unicode characters: the emoji before "samordnad" is one character, two UTF-16 units.
    const start = text.indexOf('samordnad');
    expect(codePointOffset(text, start)).toBe(start - 1);
    expect(qde).toContain(`startPosition="${start - 1}" endPosition="${start - 1 + 'samordnad individuell plan (SIP)'.length}"`);
    expect(qde).toContain(`<CodeRef targetGUID="${guidFor('va17.sip.ja')}"/>`);
    expect(qde).toContain('<TextValue>Dalarna &amp; Co</TextValue>');
    expect(qde).toContain('<PlainTextContent>viktigt &lt;här&gt;</PlainTextContent>');
    expect(qde).toContain('name="Överenskommelser &quot;2017&quot;"');
  });

  it('zips project.qde with the sources under sources/', async () => {
    const zip = await JSZip.loadAsync(await exportQdpx(input));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      [
        'project.qde',
        'sources/',
        'sources/aaaaaaaa-0000-4000-8000-000000000001.pdf',
        `sources/${guidFor('representation:aaaaaaaa-0000-4000-8000-000000000001')}.txt`,
        'sources/aaaaaaaa-0000-4000-8000-000000000002.txt',
      ].sort(),
    );
    expect(await zip.file('sources/aaaaaaaa-0000-4000-8000-000000000002.txt')!.async('string')).toBe(text);
  });

  it('derives stable, valid GUIDs from ids that are not GUIDs', () => {
    expect(guidFor('va17.lvm')).toBe(guidFor('va17.lvm'));
    expect(guidFor('va17.lvm')).not.toBe(guidFor('va17.lvu'));
    expect(guidFor('va17.lvm')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFor('11111111-1111-4111-8111-111111111111')).toBe('11111111-1111-4111-8111-111111111111');
  });
});

describe('REFI-QDA export of the final dataset', () => {
  const withFinal: QdpxInput = {
    ...input,
    final: { at: 1_700_000_000_000, cells: [{ unit: 'aaaaaaaa-0000-4000-8000-000000000001', variableId: 'va17.lvm', valueIds: ['va17.lvm.ja'], provenance: 'consensus' }] },
  };
  it('adds the user "final" with the final values as codings and their provenance in a note per source, still valid QDA-XML', () => {
    const qde = projectQde(withFinal);
    expect(qde).toContain(`<User guid="${guidFor('final-dataset')}" name="final" id="final"/>`);
    expect(qde).toMatch(/<Coding guid="[^"]+" creatingUser="[^"]+"[^>]*><CodeRef targetGUID="[^"]+"\/><NoteRef targetGUID="[^"]+"\/><\/Coding>/);
    expect(qde).toContain('<PlainTextContent>provenance: lvm=consensus</PlainTextContent>');
    const dir = mkdtempSync(path.join(tmpdir(), 'overens-qde-final-'));
    const file = path.join(dir, 'project.qde');
    writeFileSync(file, qde);
    expect(execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
  });
  it('is recomputed, not imported as a coder, when the package is read back', async () => {
    const read = await readQdpx(await exportQdpx(withFinal));
    if (!read.ok) throw new Error('unreadable');
    const { data } = await qdpxToBackup(read.project);
    expect(data.coders.map((c) => c.name).sort()).toEqual(['Anna', 'Konsensus']);
    // Anna's judgement and the consensus one; none by "final".
    expect(data.judgements).toHaveLength(2);
  });
});
