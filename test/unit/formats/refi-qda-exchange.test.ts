// Our .qdpx export against what other programs' readers require, and the round trip
// Överens → .qdpx → Överens. The reader checks are our own, written after reading QualCoder's
// REFI-QDA importer (ccbogel/QualCoder, src/qualcoder/refi.py): it keys codes by name (a second
// code of the same name is merged into the first), reads a selection's memo from its
// <Description>, reads codings only inside PlainTextSelection (never on the source), takes the
// CodeRef as the Coding's first child, cuts quotes by Python string index (code points), and reads
// a PDF's VariableValue inside its Representation. NVivo-style readers cut by UTF-16 index.
// Expected quotes and names come from the fixture itself (the phrases it codes, the template's labels).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/core/anchoring';
import { getTemplate } from '../../../src/core/codebook';
import type { Coder, DocumentMeta, Judgement, Segment } from '../../../src/core';
import { english } from '../../../src/formats/messages';
import { importQdpxPackage } from '../../../src/formats/qdpx-package';
import { exportQdpx, JUDGEMENT_SELECTION_NAME, QDPX_PROFILES, type QdpxInput, type QdpxProfile } from '../../../src/formats/refi-qda';
import { list, qdaParser, str, type Xml } from '../../../src/formats/refi-qda-codes';
import { shared } from '../../shared-dir';

const XSD = shared('refi-qda', 'Project.xsd');
const content = getTemplate('vardanalys-2017')!.content;
const localize = (l: { sv?: string }) => l.sv!;
const variable = (id: string) => content.variables.find((v) => v.id === id)!;
const valueLabel = (valueId: string) => content.variables.flatMap((v) => v.values.map((x) => [x.id, `${localize(v.label)}: ${localize(x.label)}`] as const)).find(([id]) => id === valueId)![1];

const text = 'Överenskommelsen 🙂 omfattar personer som vårdas enligt LVM och samordnad individuell plan (SIP).\nAnsvaret 🙂 delas.';
const anna: Coder = { id: '11111111-1111-4111-8111-111111111111', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 };
const bertil: Coder = { id: '33333333-3333-4333-8333-333333333333', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 };
const konsensus: Coder = { id: '22222222-2222-4222-8222-222222222222', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 3 };
const DOC_PDF = 'aaaaaaaa-0000-4000-8000-000000000001';
const DOC_TXT = 'aaaaaaaa-0000-4000-8000-000000000002';
const meta = (id: string, kind: 'pdf' | 'txt'): DocumentMeta => ({ id, projectId: 'p', fileName: `avtal-${kind}.${kind}`, kind, sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1_700_000_000_000, pageCount: 1, textLength: text.length, hasText: true, attributes: kind === 'pdf' ? { level: 'county', county: 'Dalarna' } : { level: 'local' }, warnings: [] });
let n = 0;
const segment = (documentId: string, coder: Coder, phrase: string, valueId: string, memo = ''): Segment => {
  const start = text.indexOf(phrase);
  return { id: `bbbbbbbb-0000-4000-8000-${String(++n).padStart(12, '0')}`, projectId: 'p', documentId, coderId: coder.id, codebookVersionId: 'v', variableId: valueId.split('.').slice(0, 2).join('.'), valueId, selector: describeRange(text, start, start + phrase.length), memo, orphaned: false, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 };
};
const judgement = (id: string, coder: Coder, variableId: string, valueIds: string[], extra: Partial<Judgement> = {}): Judgement => ({ id, projectId: 'p', documentId: DOC_TXT, coderId: coder.id, codebookVersionId: 'v', variableId, valueIds, status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra });

const input: QdpxInput = {
  project: { id: 'p', name: 'Utbyte', description: '', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, settings: { blindCoding: true } },
  coders: [anna, bertil, konsensus],
  content,
  documents: [
    { meta: meta(DOC_PDF, 'pdf'), content: { documentId: DOC_PDF, text, pageStarts: [0] }, bytes: new Uint8Array([37, 80, 68, 70]) },
    { meta: meta(DOC_TXT, 'txt'), content: { documentId: DOC_TXT, text, pageStarts: [0] }, bytes: new Uint8Array() },
  ],
  segments: [
    segment(DOC_PDF, anna, 'LVM', 'va17.lvm.ja', 'Tydligt'),
    segment(DOC_TXT, anna, 'samordnad individuell plan (SIP)', 'va17.sip.ja'),
    segment(DOC_TXT, bertil, 'Ansvaret', 'va17.ansvar_mellan.ja', 'Efter emojin'),
  ],
  judgements: [
    judgement('j1', anna, 'va17.lvm', ['va17.lvm.ja'], { memo: 'Nämns i avsnitt 2' }),
    judgement('j2', bertil, 'va17.lvm', ['va17.lvm.nej']),
    judgement('j3', konsensus, 'va17.lvm', ['va17.lvm.ja'], { resolution: { reason: 'Avsnitt 2 gäller', coderIds: [anna.id, bertil.id], resolvedAt: 5 } }),
  ],
  memos: [{ id: 'm1', projectId: 'p', documentId: DOC_TXT, coderId: anna.id, text: 'Läs igen', updatedAt: 1 }],
};

async function unpack(bytes: Uint8Array): Promise<{ qde: string; files: Map<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir && f.name !== 'project.qde') files.set(f.name, await f.async('string'));
  return { qde: await zip.file('project.qde')!.async('string'), files };
}

interface ReaderView {
  /** Names of the codes a name-keyed reader ends up with (duplicates merged). */
  codeNames: string[];
  codableCount: number;
  /** [source, user name, code name, quote, memo] per coding read from selections. */
  codings: [string, string, string, string, string][];
  /** Attributes per source, as the reader finds them. */
  attributes: Record<string, Record<string, string>>;
  /** Whether every Coding's first child is its CodeRef. */
  codeRefFirst: boolean;
}

/** What a reader following QualCoder's rules (or an NVivo-style one, cutting by UTF-16 index) makes of our package. */
function readAsOthers(qde: string, files: Map<string, string>, cut: 'code-points' | 'utf-16'): ReaderView {
  const root = qdaParser(new Set(['User', 'Code', 'TextSource', 'PDFSource', 'PlainTextSelection', 'Coding', 'Variable', 'VariableValue'])).parse(qde).Project as Xml;
  const users = new Map(list((root.Users as Xml).User).map((u) => [str(u.guid)!, str(u.name)!]));
  const byGuid = new Map<string, string>();
  const names = new Set<string>();
  let codable = 0;
  const walk = (codes: Xml[]) => {
    for (const c of codes) {
      if (str(c.isCodable) !== 'false') {
        codable++;
        names.add(str(c.name)!); // a second code of the same name merges into the first
        byGuid.set(str(c.guid)!, str(c.name)!);
      }
      walk(list(c.Code));
    }
  };
  walk(list(((root.CodeBook as Xml).Codes as Xml).Code));
  const variables = new Map(list((root.Variables as Xml).Variable).map((v) => [str(v.guid)!, str(v.name)!]));
  const codings: ReaderView['codings'] = [];
  const attributes: ReaderView['attributes'] = {};
  const sources = root.Sources as Xml;
  for (const s of [...list(sources.TextSource), ...list(sources.PDFSource)]) {
    // QualCoder loads a PDF through its Representation, as a text source.
    const holder = (s.Representation as Xml | undefined) ?? s;
    const name = str(s.name)!;
    const fullText = files.get(`sources/${str(holder.plainTextPath)!.replace('internal://', '')}`)!;
    const units = cut === 'code-points' ? [...fullText] : fullText.split('');
    for (const sel of list(holder.PlainTextSelection)) {
      const quote = units.slice(Number(sel.startPosition), Number(sel.endPosition)).join('');
      const memo = str(sel.Description) ?? '';
      for (const c of list(sel.Coding)) codings.push([name, users.get(str(c.creatingUser ?? sel.creatingUser)!) ?? 'default', byGuid.get(str((c.CodeRef as Xml).targetGUID)!) ?? '(none)', quote, memo]);
    }
    attributes[name] = Object.fromEntries(list(holder.VariableValue).map((vv) => [variables.get(str((vv.VariableRef as Xml).targetGUID)!)!, str(vv.TextValue)!]));
  }
  const codeRefFirst = [...qde.matchAll(/<Coding\b[^>]*>(<[A-Za-z]+)/g)].every((m) => m[1] === '<CodeRef');
  return { codeNames: [...names], codableCount: codable, codings, attributes, codeRefFirst };
}

function validates(qde: string, name: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'overens-profile-'));
  const file = path.join(dir, `${name}.qde`);
  writeFileSync(file, qde);
  execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
}

describe('REFI-QDA export profiles', () => {
  it('all three profiles validate against Project.xsd', async () => {
    for (const profile of QDPX_PROFILES) validates((await unpack(await exportQdpx(input, { profile }))).qde, profile);
  });

  it('QualCoder profile: unique code names, memos in <Description>, judgements as whole-text selections, PDF attributes on the Representation', async () => {
    const { qde, files } = await unpack(await exportQdpx(input, { profile: 'qualcoder' }));
    const view = readAsOthers(qde, files, 'code-points');
    const values = content.variables.reduce((k, v) => k + v.values.length, 0);
    expect(view.codableCount).toBe(values);
    expect(view.codeNames).toHaveLength(values); // nothing merged
    expect(view.codeRefFirst).toBe(true);
    // Text sources first, then PDF sources (the reader's order, as ours).
    expect(view.codings).toEqual([
      ['avtal-txt.txt', 'Anna', valueLabel('va17.sip.ja'), 'samordnad individuell plan (SIP)', ''],
      ['avtal-txt.txt', 'Bertil', valueLabel('va17.ansvar_mellan.ja'), 'Ansvaret', 'Efter emojin'],
      // The judgements, readable without source-level codings: a whole-text selection each, with the reason and memo.
      ['avtal-txt.txt', 'Anna', valueLabel('va17.lvm.ja'), text, 'Nämns i avsnitt 2'],
      ['avtal-txt.txt', 'Bertil', valueLabel('va17.lvm.nej'), text, ''],
      ['avtal-txt.txt', 'Konsensus', valueLabel('va17.lvm.ja'), text, 'Avsnitt 2 gäller'],
      ['avtal-pdf.pdf', 'Anna', valueLabel('va17.lvm.ja'), 'LVM', 'Tydligt'],
    ]);
    expect(qde).toContain(`name="${JUDGEMENT_SELECTION_NAME}"`);
    expect(view.attributes['avtal-pdf.pdf']).toEqual({ level: 'county', county: 'Dalarna' });
  });

  it('the standard profile is what the standard says, and a name-keyed reader would merge its codes and miss its judgements (the checks have teeth)', async () => {
    const { qde, files } = await unpack(await exportQdpx(input));
    const view = readAsOthers(qde, files, 'code-points');
    // "Ja"/"Nej" under every variable: a name-keyed reader merges them.
    expect(view.codeNames.length).toBeLessThan(view.codableCount);
    expect(view.codings.map((c) => c[3])).toEqual(['samordnad individuell plan (SIP)', 'Ansvaret', 'LVM']);
    expect(view.attributes['avtal-pdf.pdf']).toEqual({});
    expect(qde).toContain('origin="Överens"');
    // Variables are parents (not codable), values codable children with the template's labels.
    expect(qde).toContain(`name="${localize(variable('va17.lvm').label)}" isCodable="false"`);
  });

  it('NVivo profile: positions in UTF-16 units, so a reader cutting by UTF-16 index gets every quote after an emoji right', async () => {
    const nvivo = await unpack(await exportQdpx(input, { profile: 'nvivo' }));
    const passages = (v: ReaderView) => v.codings.map((c) => c[3]).filter((q) => q !== text);
    expect(passages(readAsOthers(nvivo.qde, nvivo.files, 'utf-16'))).toEqual(['samordnad individuell plan (SIP)', 'Ansvaret', 'LVM']);
    // The standard's code points read by UTF-16 index shift every selection after an emoji.
    const standard = await unpack(await exportQdpx(input));
    expect(readAsOthers(standard.qde, standard.files, 'utf-16').codings.map((c) => c[3])).not.toContain('Ansvaret');
    expect(nvivo.qde).toMatch(/origin="Överens \(NVivo profile: UTF-16 positions\)"/);
  });
});

describe('Överens → .qdpx → Överens', () => {
  for (const profile of QDPX_PROFILES) {
    it(`keeps GUIDs, coders, quotes, judgements and memos exactly (${profile} profile)`, async () => {
      const imported = await importQdpxPackage(await exportQdpx(input, { profile: profile as QdpxProfile }), `${profile}.qdpx`);
      if (!imported.ok) throw new Error(english(imported.problems).join('; '));
      const { data, report } = imported;
      expect(english(report.problems)).toEqual([]);
      // Identity: documents, coders and passages keep their ids (their GUIDs).
      const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(data.documents).map((d) => d.id)).toEqual([DOC_PDF, DOC_TXT]);
      expect(data.coders.map((c) => [c.id, c.name, c.kind])).toEqual([anna, bertil, konsensus].map((c) => [c.id, c.name, c.kind]));
      const quote = (s: Segment) => [s.id, s.documentId, s.coderId, s.selector.quote.exact, s.selector.position.start, s.selector.position.end, s.memo];
      expect(byId(data.segments).map(quote)).toEqual(byId(input.segments).map(quote));
      // Codes come back under the same GUIDs, in the same variables, with the same keys and labels.
      const strip = (v: (typeof content.variables)[number]) => [v.key, v.label.sv, v.values.map((x) => [x.key, x.label.sv, x.colour])];
      expect(data.codebookVersions[0]!.content.variables.map(strip)).toEqual(content.variables.map(strip));
      const labelOf = (valueId: string) => data.codebookVersions[0]!.content.variables.flatMap((v) => v.values).find((x) => x.id === valueId)?.key;
      expect(byId(data.segments).map((s) => labelOf(s.valueId))).toEqual(['ja', 'ja', 'ja']);
      const judgements = data.judgements.map((j) => [j.coderId, j.valueIds.map(labelOf), j.memo, j.resolution?.reason ?? null]);
      expect(judgements).toEqual([
        [anna.id, ['ja'], 'Nämns i avsnitt 2', null],
        [bertil.id, ['nej'], '', null],
        [konsensus.id, ['ja'], '', 'Avsnitt 2 gäller'],
      ]);
      expect(data.memos.map((m) => [m.coderId, m.text])).toEqual([[anna.id, 'Läs igen']]);
      expect(byId(data.documents).map((d) => d.attributes)).toEqual([{ county: 'Dalarna', level: 'county' }, { level: 'local' }]);
      // And out again: the same GUIDs.
      const again = await unpack(await exportQdpx({ project: data.project, coders: data.coders, content: data.codebookVersions[0]!.content, documents: data.documents.map((meta, i) => ({ meta, content: data.documentContents[i]!, bytes: new Uint8Array() })), segments: data.segments, judgements: data.judgements, memos: data.memos }, { profile: profile as QdpxProfile }));
      const guids = (qde: string) => [...qde.matchAll(/<(?:User|TextSource|PDFSource|Code) guid="([^"]+)"/g)].map((m) => m[1]).sort();
      const first = await unpack(await exportQdpx(input, { profile: profile as QdpxProfile }));
      expect(guids(again.qde)).toEqual(guids(first.qde));
    });
  }

  it('keeps a flat code list flat, and a codable parent codable with its colour', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Platt" origin="ATLAS.ti 23"><Users><User guid="${anna.id}" name="Anna"/></Users>
<CodeBook><Codes><Code guid="cccccccc-0000-4000-8000-000000000001" name="LVM" isCodable="true" color="#aa0000"/><Code guid="cccccccc-0000-4000-8000-000000000002" name="Barn" isCodable="true" color="#00aa00"><Code guid="cccccccc-0000-4000-8000-000000000003" name="Unga" isCodable="true" color="#0000aa"/></Code></Codes></CodeBook>
<Sources><TextSource guid="${DOC_TXT}" name="t"><PlainTextContent>LVM och barn.</PlainTextContent>
<PlainTextSelection guid="dddddddd-0000-4000-8000-000000000001" startPosition="0" endPosition="3" creatingUser="${anna.id}"><Coding guid="dddddddd-0000-4000-8000-000000000002" creatingUser="${anna.id}"><CodeRef targetGUID="cccccccc-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
<PlainTextSelection guid="dddddddd-0000-4000-8000-000000000003" startPosition="8" endPosition="12" creatingUser="${anna.id}"><Coding guid="dddddddd-0000-4000-8000-000000000004" creatingUser="${anna.id}"><CodeRef targetGUID="cccccccc-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;
    const zip = new JSZip();
    zip.file('project.qde', qde);
    const imported = await importQdpxPackage(await zip.generateAsync({ type: 'uint8array' }), 'platt.qdpx');
    if (!imported.ok) throw new Error('not read');
    const { data } = imported;
    const out = (await unpack(await exportQdpx({ project: data.project, coders: data.coders, content: data.codebookVersions[0]!.content, documents: data.documents.map((meta, i) => ({ meta, content: data.documentContents[i]!, bytes: new Uint8Array() })), segments: data.segments, judgements: data.judgements, memos: data.memos }))).qde;
    // Top level again: LVM (flat), Barn codable with its colour and Unga under it; no new "Koder" parent.
    expect(out).not.toContain('name="Koder"');
    expect(out).toMatch(/<\/Code><Code guid="cccccccc-0000-4000-8000-000000000001" name="LVM" isCodable="true" color="#aa0000"\/><\/Codes>/);
    expect(out).toMatch(/<Code guid="cccccccc-0000-4000-8000-000000000002" name="Barn" isCodable="true" color="#00aa00">.*<Code guid="cccccccc-0000-4000-8000-000000000003" name="Unga" isCodable="true" color="#0000aa"/s);
    expect(out).toContain('<CodeRef targetGUID="cccccccc-0000-4000-8000-000000000002"/>');
  });

  it('keeps a codable parent codable with its colour when nothing is coded on the parent itself (no extra value)', async () => {
    // MAXQDA and ATLAS.ti mark parents codable by default; a parent without codings of its own
    // becomes a variable whose values are only its sub-codes, and goes out again as it came in.
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Förälder" origin="MAXQDA 24"><Users><User guid="${anna.id}" name="Anna"/></Users>
<CodeBook><Codes><Code guid="cccccccc-0000-4000-8000-000000000011" name="LVM" isCodable="true" color="#aa0000"><Code guid="cccccccc-0000-4000-8000-000000000012" name="Ja" isCodable="true" color="#00aa00"/><Code guid="cccccccc-0000-4000-8000-000000000013" name="Nej" isCodable="true" color="#0000aa"/></Code><Code guid="cccccccc-0000-4000-8000-000000000014" name="Tema" isCodable="false"><Code guid="cccccccc-0000-4000-8000-000000000015" name="A" isCodable="true" color="#111111"/></Code></Codes></CodeBook>
<Sources><TextSource guid="${DOC_TXT}" name="t"><PlainTextContent>LVM ja.</PlainTextContent>
<PlainTextSelection guid="dddddddd-0000-4000-8000-000000000011" startPosition="0" endPosition="3" creatingUser="${anna.id}"><Coding guid="dddddddd-0000-4000-8000-000000000012" creatingUser="${anna.id}"><CodeRef targetGUID="cccccccc-0000-4000-8000-000000000012"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;
    const zip = new JSZip();
    zip.file('project.qde', qde);
    const imported = await importQdpxPackage(await zip.generateAsync({ type: 'uint8array' }), 'foralder.qdpx');
    if (!imported.ok) throw new Error('not read');
    const { data } = imported;
    const lvm = data.codebookVersions[0]!.content.variables.find((v) => v.label.sv === 'LVM')!;
    expect(lvm.values.map((v) => v.label.sv)).toEqual(['Ja', 'Nej']);
    const out = (await unpack(await exportQdpx({ project: data.project, coders: data.coders, content: data.codebookVersions[0]!.content, documents: data.documents.map((meta, i) => ({ meta, content: data.documentContents[i]!, bytes: new Uint8Array() })), segments: data.segments, judgements: data.judgements, memos: data.memos }))).qde;
    expect(out).toContain('<Code guid="cccccccc-0000-4000-8000-000000000011" name="LVM" isCodable="true" color="#aa0000">');
    // A parent that was not codable stays not codable.
    expect(out).toMatch(/<Code guid="cccccccc-0000-4000-8000-000000000014" name="Tema" isCodable="false">/);
  });
});
