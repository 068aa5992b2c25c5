/**
 * Benchmark: exchange at Vårdanalys 2017:1 size — 186 text documents (≈ 30,000 characters each),
 * 2 coders × 35 variables of judgements, 20,000 passages. Times `.qdpx` export (build
 * project.qde + zip), `.qdpx` import (unzip + parse + map to a new project's records; the app then
 * writes those in one IndexedDB transaction, not timed here), and the wide XLSX dataset export.
 * Best of three passes each.
 */
import { type Coder, type Judgement, type Segment } from '../../src/core';
import { seededRandom } from '../../src/core/agreement';
import { getTemplate } from '../../src/core/codebook/templates';
import { describeRange } from '../../src/core/anchoring';
import { wideXlsx } from '../../src/formats/dataset';
import { exportQdpx } from '../../src/formats/refi-qda';
import JSZip from 'jszip';
import { importQdpxPackage } from '../../src/formats/qdpx-package';
import { readQdpx } from '../../src/formats/refi-qda-import';
import { qdpxToBackup } from '../../src/formats/refi-qda-to-project';
import type { BenchRow } from './types';

async function best(run: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The Vårdanalys-sized project the exchange benchmarks use (deterministic). */
export function exchangeInput() {
  const random = seededRandom(7);
  const content = getTemplate('vardanalys-2017')!.content;
  const variables = content.variables.filter((v) => v.kind === 'single' && !v.derived);
  const project = { id: 'p', name: 'Bench', description: '', createdAt: 0, updatedAt: 0, settings: { blindCoding: true } };
  const coders: Coder[] = ['Anna', 'Bertil'].map((name, i) => ({ id: `c${i}`, projectId: 'p', name, kind: 'human', createdAt: i }));
  const paragraph = 'Kommunen och regionen ska gemensamt ansvara för att personer med missbruk eller beroende får samordnade insatser enligt LVM och HSL. ';
  const documents = Array.from({ length: 186 }, (_, i) => {
    const text = `Överenskommelse ${i}\n\n${paragraph.repeat(230)}`;
    const meta = { id: `d${i}`, projectId: 'p', fileName: `avtal-${i}.txt`, kind: 'txt' as const, sha256: 'a'.repeat(64), size: text.length, version: 1, importedAt: 0, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: i < 21 ? 'county' : 'local', county: `c${i % 21}` }, warnings: [] };
    return { meta, content: { documentId: meta.id, text, pageStarts: [0] }, bytes: new TextEncoder().encode(text) };
  });
  const segments: Segment[] = Array.from({ length: 20_000 }, (_, i) => {
    const doc = documents[i % 186]!;
    const variable = variables[Math.floor(random() * variables.length)]!;
    const start = Math.floor(random() * (doc.content.text.length - 400));
    return { id: `s${i}`, projectId: 'p', documentId: doc.meta.id, coderId: coders[i % 2]!.id, codebookVersionId: 'v', variableId: variable.id, valueId: variable.values[Math.floor(random() * variable.values.length)]!.id, selector: describeRange(doc.content.text, start, start + 40 + Math.floor(random() * 300)), memo: '', orphaned: false, createdAt: 0, updatedAt: 0 };
  });
  const judgements: Judgement[] = documents.flatMap((d) =>
    coders.flatMap((c) => variables.map((v) => ({ id: `${d.meta.id}${c.id}${v.id}`, projectId: 'p', documentId: d.meta.id, coderId: c.id, codebookVersionId: 'v', variableId: v.id, valueIds: [v.values[Math.floor(random() * v.values.length)]!.id], status: 'final' as const, origin: 'explicit' as const, evidenceSegmentIds: [], memo: '', createdAt: 0, updatedAt: 0 }))),
  );
  return { project, coders, content, documents, segments, judgements, memos: [], variables };
}

/** A package with 200,000 one-word selections in one source (the hostile suite's shape), made once. */
async function manySelections(n: number): Promise<Uint8Array> {
  const G = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(`ord${i}`);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    parts.push(`<PlainTextSelection guid="${G(1_000_000 + i)}" startPosition="${at}" endPosition="${at + words[i]!.length}" creatingUser="${G(1)}"><Coding guid="${G(2_000_000 + i)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10 + (i % 2))}"/></Coding></PlainTextSelection>`);
    at += words[i]!.length + 1;
  }
  const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Stor"><Users><User guid="${G(1)}" name="Anna"/></Users><CodeBook><Codes><Code guid="${G(9)}" name="V" isCodable="false"><Code guid="${G(10)}" name="A" isCodable="true"/><Code guid="${G(11)}" name="B" isCodable="true"/></Code></Codes></CodeBook><Sources><TextSource guid="${G(30)}" name="stor.txt" plainTextPath="internal://${G(30)}.txt">${parts.join('')}</TextSource></Sources></Project>`;
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${G(30)}.txt`, words.join(' '));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function benchExchange(): Promise<BenchRow[]> {
  const input = exchangeInput();
  const { coders, content, documents, segments, judgements, variables } = input;
  let packed: Uint8Array = new Uint8Array();
  const exportMs = await best(async () => (packed = await exportQdpx(input)));
  let imported = 0;
  const importMs = await best(async () => {
    const read = await readQdpx(packed, 'bench.qdpx');
    if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('; '));
    imported = (await qdpxToBackup(read.project)).data.segments.length;
  });
  if (imported !== segments.length) throw new Error(`round trip lost passages: ${imported} of ${segments.length}`);
  const many = await manySelections(200_000);
  let manyImported = 0;
  const t0 = performance.now();
  const manyResult = await importQdpxPackage(many, 'many.qdpx');
  const manyMs = performance.now() - t0;
  if (manyResult.ok) manyImported = manyResult.data.segments.length;
  if (manyImported !== 200_000) throw new Error(`200,000 selections: ${manyImported} imported`);
  const xlsxMs = await best(() => wideXlsx({ content, documents: documents.map((d) => d.meta), coders, judgements, lang: 'sv' }));
  const megabytes = documents.reduce((n, d) => n + d.bytes.length, 0) / 1e6;
  const what = `186 documents (${megabytes.toFixed(1)} MB text), 20,000 passages, ${judgements.length.toLocaleString('en')} judgements`;
  return [
    { area: 'REFI-QDA export', input: `${what}; ${(packed.length / 1e6).toFixed(1)} MB .qdpx`, result: `${(exportMs / 1000).toFixed(2)} s`, target: '≤ 5 s', pass: exportMs <= 5000 },
    { area: 'REFI-QDA import', input: `the same .qdpx → new project records (before the IndexedDB write)`, result: `${(importMs / 1000).toFixed(2)} s`, target: '≤ 10 s', pass: importMs <= 10_000 },
    { area: 'REFI-QDA import, many selections', input: `200,000 selections in one source (${(many.length / 1e6).toFixed(1)} MB .qdpx, 71 MB project.qde) → new project records (importQdpxPackage, once)`, result: `${(manyMs / 1000).toFixed(2)} s`, target: '≤ 30 s', pass: manyMs <= 30_000 },
    { area: 'Wide XLSX dataset', input: `186 documents × 2 coders × ${variables.length} variables + indicator columns`, result: `${(xlsxMs / 1000).toFixed(2)} s`, target: '≤ 3 s', pass: xlsxMs <= 3000 },
  ];
}
