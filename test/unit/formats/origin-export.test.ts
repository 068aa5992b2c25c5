// The long export's `origin` column (issue 16): how each coder's value was set — explicit, from the
// coder's passages (suggestion), or an accepted proposal of the assist model — after
// codebook_version and before the attributes; empty on the final rows; not taken for an attribute
// by the readers (overens convert, the statistics reader, overens agreement). The expected cells
// are the origins the fixture's judgements were given.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Coder, DocumentMeta, Judgement } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { composeFinalDataset } from '../../../src/core/final-dataset';
import { parseLongCodings } from '../../../src/formats/codings-convert';
import { longCsv } from '../../../src/formats/dataset';
import { parseCodingsCsv } from '../../../src/formats/stats-csv';
import { cli, tempFiles } from '../cli/run-cli';

const content = getTemplate('oppna-jamforelser-2019')!.content;
const doc = (id: string): DocumentMeta => ({ id, projectId: 'p', fileName: id, kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 10, hasText: true, attributes: { level: 'county' }, warnings: [] });
const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
];
const GM = 'oj19.gemensamma_mal';
const j = (documentId: string, coderId: string, value: 'ja' | 'nej', extra: Partial<Judgement>): Judgement => ({
  id: `${documentId}-${coderId}`, projectId: 'p', documentId, coderId, codebookVersionId: 'v1', variableId: GM, valueIds: [`${GM}.${value}`],
  status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1, ...extra,
});
const documents = [doc('d1.pdf'), doc('d2.pdf')];
const judgements = [
  j('d1.pdf', 'a', 'ja', { origin: 'proposal', proposalConfidence: 0.94 }),
  j('d1.pdf', 'b', 'ja', {}),
  j('d2.pdf', 'a', 'nej', { origin: 'suggestion' }),
  j('d2.pdf', 'b', 'ja', { origin: 'proposal', proposalConfidence: 0.71 }),
];
const final = composeFinalDataset({ content, documents, coders, judgements, codebookVersionId: 'v1' });
const text = longCsv({ content, documents, coders, judgements, lang: 'sv', final, versions: { numbers: new Map([['v1', 1]]), current: 1 } });
const rows = Papa.parse<string[]>(text.trim()).data;

describe('origin in the long export', () => {
  it('follows codebook_version, before the attributes, with each judgement\'s origin', () => {
    expect(rows[0]).toEqual(['document', 'coder', 'variable', 'value', 'provenance', 'coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count', 'codebook_version', 'origin', 'level']);
    const origin = (d: string, coder: string) => rows.find((r) => r[0] === d && r[1] === coder && r[2] === label)?.[11];
    expect([origin('d1.pdf', 'Anna'), origin('d1.pdf', 'Bertil'), origin('d2.pdf', 'Anna'), origin('d2.pdf', 'Bertil')]).toEqual(['proposal', 'explicit', 'suggestion', 'proposal']);
    expect(origin('d1.pdf', 'final')).toBe('');
  });

  it('is not an attribute for the readers, and overens agreement reads the file', async () => {
    expect(parseCodingsCsv(text).problems).toEqual([]);
    const long = parseLongCodings(text);
    // (The reader of `overens convert` takes provenance for an attribute — not this column's concern.)
    expect(long.problems.filter((p) => p.message.includes('"origin"'))).toEqual([]);
    // origin is the export's own column, never a document attribute.
    expect(Object.keys(long.codings.attributes.get('d1.pdf') ?? {})).not.toContain('origin');
    expect(long.codings.attributes.get('d1.pdf')?.level).toBe('county');
    const path = tempFiles('origin-').file('origin.csv', text);
    const run = await cli(['agreement', path, '--coders', 'Anna,Bertil', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Two agreements judged by both: d1 Ja/Ja, d2 Nej/Ja → percent agreement 1/2.
    const report = JSON.parse(run.stdout) as { variables: { variable: string; units: number; percent_agreement: number }[] };
    expect(report.variables.find((v) => v.variable === label)).toMatchObject({ units: 2, percent_agreement: 0.5 });
  });
});

const label = 'Gemensamma mål med överenskommelsen';
