// The final dataset in the exports: the long CSV carries every coder's rows plus one row per
// agreement and variable under the coder "final" with its provenance, and `overens prevalence`
// on that file alone (documents.csv made from its own columns) gives the same table as the
// app's prevalence on the final dataset — which is also counted by hand. The wide export has
// one row per agreement with provenance columns; linked twins are one agreement everywhere.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Coder, DocumentMeta, Judgement } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { composeFinalDataset, finalPrevalenceInput } from '../../../src/core/final-dataset';
import { prevalence } from '../../../src/core/prevalence';
import { longCsv, spssSyntax, wideCsv, type DatasetInput } from '../../../src/formats/dataset';
import { parseCodingsCsv } from '../../../src/formats/stats-csv';
import { cli, tempFiles } from '../cli/run-cli';

const content = getTemplate('oppna-jamforelser-2019')!.content;
const doc = (id: string, level: string, twinOf?: string): DocumentMeta => ({
  id, projectId: 'p', fileName: id, kind: id.endsWith('.docx') ? 'docx' : 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 10, hasText: true, attributes: { level }, warnings: [],
  ...(twinOf ? { twin: { of: twinOf, similarity: 1, linkedAt: 1 } } : {}),
});
const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
  { id: 'k', projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 1 },
];
const KEYS = ['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete', 'uppfoljning_senaste_aret'] as const;
let n = 0;
const j = (documentId: string, coderId: string, key: string, value: 'ja' | 'nej', extra: Partial<Judgement> = {}): Judgement => ({
  id: `j${n++}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v', variableId: `oj19.${key}`, valueIds: [`oj19.${key}.${value}`],
  status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra,
});
// Four agreements (c1, c2 county; l1, l2 local) and a DOCX twin of l1. Anna judges every component
// of every agreement Ja, except c2 "gemensamma mål" Nej. Bertil re-codes c2 (all Ja) and l1 — on
// its DOCX twin — with "gemensamma mål" Nej. Consensus resolves c2: Ja. l1 stays unresolved.
const documents = [doc('c1.pdf', 'county'), doc('c2.pdf', 'county'), doc('l1.pdf', 'local'), doc('l1.docx', 'local', 'l1.pdf'), doc('l2.pdf', 'local')];
const judgements: Judgement[] = [
  ...['c1.pdf', 'c2.pdf', 'l1.pdf', 'l2.pdf'].flatMap((d) => KEYS.map((k) => j(d, 'a', k, d === 'c2.pdf' && k === 'gemensamma_mal' ? 'nej' : 'ja'))),
  ...KEYS.map((k) => j('c2.pdf', 'b', k, 'ja')),
  ...KEYS.map((k) => j('l1.docx', 'b', k, k === 'gemensamma_mal' ? 'nej' : 'ja')),
  j('c2.pdf', 'k', 'gemensamma_mal', 'ja', { resolution: { reason: 'Målen står i 2 §.', coderIds: ['a', 'b'], resolvedAt: 5, basis: [{ coderId: 'a', valueIds: ['oj19.gemensamma_mal.nej'] }, { coderId: 'b', valueIds: ['oj19.gemensamma_mal.ja'] }] } }),
];
const final = composeFinalDataset({ content, documents, coders, judgements });
const input: DatasetInput = { content, documents, coders, judgements, lang: 'sv', final };

describe('the final dataset in the exports', () => {
  it('long CSV: coder rows, then the final rows with their provenance, readable by the statistics reader', () => {
    const text = longCsv(input);
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['document', 'coder', 'variable', 'value', 'provenance', 'coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count', 'origin', 'level']);
    expect(parseCodingsCsv(text).problems).toEqual([]);
    const finals = rows.filter((r) => r[1] === 'final');
    // 4 agreements × (4 components + the derived indicator): the DOCX twin is not a row of its own.
    expect(finals).toHaveLength(20);
    expect(rows.some((r) => r[0] === 'l1.docx')).toBe(false);
    const gm = 'Gemensamma mål med överenskommelsen';
    // The row without the codebook columns (coder_kind … value_count) and origin, which are checked below.
    const find = (d: string, coder: string, v: string) => {
      const r = rows.find((x) => x[0] === d && x[1] === coder && x[2] === v);
      return r && [...r.slice(0, 5), ...r.slice(11)];
    };
    const raw = (d: string, coder: string, v: string) => rows.find((r) => r[0] === d && r[1] === coder && r[2] === v)!;
    expect(find('c2.pdf', 'final', gm)).toEqual(['c2.pdf', 'final', gm, 'Ja', 'consensus', 'county']);
    expect(find('c2.pdf', 'Konsensus', gm)).toEqual(['c2.pdf', 'Konsensus', gm, 'Ja', 'consensus', 'county']);
    expect(find('l1.pdf', 'final', gm)).toEqual(['l1.pdf', 'final', gm, '', 'unresolved', 'local']);
    expect(find('l1.pdf', 'Bertil', gm)).toEqual(['l1.pdf', 'Bertil', gm, 'Nej', '', 'local']);
    expect(find('c1.pdf', 'final', gm)?.slice(3, 5)).toEqual(['Ja', 'single']);
    // coder_kind per row; the final rows carry the value's code like every other row.
    expect(raw('c2.pdf', 'final', gm)[5]).toBe('final');
    expect(raw('c2.pdf', 'Konsensus', gm)[5]).toBe('consensus');
    expect(raw('l1.pdf', 'Bertil', gm)[5]).toBe('human');
    // origin: each coder's judgement as it was set (all explicit here); empty on the final rows.
    expect(raw('l1.pdf', 'Bertil', gm)[10]).toBe('explicit');
    expect(raw('c2.pdf', 'Konsensus', gm)[10]).toBe('explicit');
    expect(raw('c2.pdf', 'final', gm)[10]).toBe('');
    expect(raw('c2.pdf', 'final', gm)[8]).toBe(raw('c2.pdf', 'Konsensus', gm)[8]);
    expect(raw('l1.pdf', 'final', gm)[8]).toBe('');
    const resurs = content.variables.find((v) => v.id === 'oj19.resurs_ansvar')!.label.sv!;
    expect(find('c2.pdf', 'final', resurs)?.slice(3, 5)).toEqual(['Ja', 'agreed']);
    const indicator = rows.filter((r) => r[1] === 'final' && r[4] === 'derived').map((r) => [r[0], r[3]]);
    // The indicator on the final values: c1, c2 (consensus Ja), l2 all Ja → Ja; l1 has an unresolved component → missing.
    expect(indicator).toEqual([['c1.pdf', 'Ja'], ['c2.pdf', 'Ja'], ['l1.pdf', ''], ['l2.pdf', 'Ja']]);
  });

  it('overens prevalence --coder final on the long export alone gives the app’s table, and the hand count', async () => {
    const text = longCsv(input);
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    const header = rows[0]!;
    // documents.csv from the long export's own columns: document + the attributes.
    const attrs = header.slice(5);
    const seen = new Map<string, string[]>();
    for (const r of rows.slice(1)) if (!seen.has(r[0]!)) seen.set(r[0]!, r.slice(5));
    const { file } = tempFiles('overens-final-');
    const longFile = file('lang.csv', text);
    const documentsFile = file('documents.csv', [['document', ...attrs].join(','), ...[...seen].map(([d, a]) => [d, ...a].join(','))].join('\n') + '\n');
    const codebook = new URL('../../../codebook/oppna-jamforelser-2019.json', import.meta.url).pathname;
    const { code, stdout, stderr } = await cli(['prevalence', longFile, '--documents', documentsFile, '--by', 'level', '--coder', 'final', '--codebook', codebook, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fromCli = JSON.parse(stdout).variables as { variable: string; groups: { group: string; n: number; missing: number; values: { value: string; count: number }[] }[] }[];
    const app = prevalence({ ...finalPrevalenceInput(final, documents), by: 'level', groupOrder: ['county', 'local'] });
    const label = (variableId: string) => content.variables.find((v) => v.id === variableId)!.label.sv!;
    const valueLabel = (variableId: string, valueId: string) => content.variables.find((v) => v.id === variableId)!.values.find((x) => x.id === valueId)!.label.sv!;
    expect(fromCli).toEqual(app.map((v) => ({ variable: label(v.variable), groups: v.groups.map((g) => ({ ...g, values: g.values.map((x) => ({ ...x, value: valueLabel(v.variable, x.value) })) })) })));
    // By hand, "Gemensamma mål": county c1 single Ja, c2 consensus Ja → n 2, Ja 2; local l1 unresolved
    // (missing), l2 single Ja → n 1, missing 1, Ja 1.
    const gm = fromCli.find((v) => v.variable.startsWith('Gemensamma'))!;
    expect(gm.groups.map((g) => [g.group, g.n, g.missing, g.values.find((x) => x.value === 'Ja')!.count])).toEqual([['county', 2, 0, 2], ['local', 1, 1, 1]]);
  });

  it('wide CSV: one row per agreement of the final dataset, with a provenance column per variable; SPSS reads it as text', () => {
    const lines = wideCsv(input).trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 7)).toEqual(['document', 'coder', 'level', 'gemensamma_mal', 'gemensamma_mal__ja', 'gemensamma_mal__nej', 'gemensamma_mal__prov']);
    expect(lines).toHaveLength(5);
    const l1 = lines.find((l) => l.startsWith('l1.pdf'))!.split(',');
    expect(l1.slice(0, 7)).toEqual(['l1.pdf', 'final', 'local', '', '', '', 'unresolved']);
    expect(spssSyntax(input)).toContain('gemensamma_mal__prov A12');
    // One coder's judgements stay available: Bertil's rows only, no provenance columns.
    const bertil = wideCsv({ ...input, coderId: 'b' }).trim().split('\r\n');
    expect(bertil.map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['document,coder', 'c2.pdf,Bertil', 'l1.pdf,Bertil']);
    expect(longCsv({ ...input, coderId: 'b' }).includes(',final,')).toBe(false);
  });
});
