// One codebook version per analysis: the long export's codebook_version column (each judgement's
// version number; the final rows' the version of the final dataset) and `--version N` of
// `overens agreement` — rows of other versions are counted and reported, never mixed in.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Coder, DocumentMeta, Judgement } from '../../../src/core';
import { getTemplate } from '../../../src/core/codebook';
import { composeFinalDataset } from '../../../src/core/final-dataset';
import { longCsv } from '../../../src/formats/dataset';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-version-');
const content = getTemplate('oppna-jamforelser-2019')!.content;
const coders: Coder[] = [
  { id: 'a', projectId: 'p', name: 'Anna', kind: 'human', createdAt: 1 },
  { id: 'b', projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 2 },
];
const documents: DocumentMeta[] = ['d1.pdf', 'd2.pdf', 'd3.pdf', 'd4.pdf'].map((id) => ({
  id, projectId: 'p', fileName: id, kind: 'pdf', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 1, pageCount: 1, textLength: 10, hasText: true, attributes: { level: 'local' }, warnings: [],
}));
let n = 0;
const j = (documentId: string, coderId: string, value: 'ja' | 'nej', version: string): Judgement => ({
  id: `j${n++}`, projectId: 'p', documentId, coderId, codebookVersionId: version, variableId: 'oj19.gemensamma_mal', valueIds: [`oj19.gemensamma_mal.${value}`],
  status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: '', createdAt: 1, updatedAt: 1,
});
// Under version 1 (id v1) Anna and Bertil agree on all four documents (α = 1); under version 2
// (id v2) they re-coded d1–d3 and disagree on d3 only.
const judgements = [
  ...documents.flatMap((d, i) => [j(d.id, 'a', i % 2 ? 'ja' : 'nej', 'v1'), j(d.id, 'b', i % 2 ? 'ja' : 'nej', 'v1')]),
  j('d1.pdf', 'a', 'ja', 'v2'), j('d1.pdf', 'b', 'ja', 'v2'),
  j('d2.pdf', 'a', 'nej', 'v2'), j('d2.pdf', 'b', 'nej', 'v2'),
  j('d3.pdf', 'a', 'ja', 'v2'), j('d3.pdf', 'b', 'nej', 'v2'),
];
const versions = { numbers: new Map([['v1', 1], ['v2', 2]]), current: 2 };
const final = composeFinalDataset({ content, documents, coders, judgements, codebookVersionId: 'v2' });
const text = longCsv({ content, documents, coders, judgements, lang: 'sv', final, versions });

describe('codebook_version in the long export', () => {
  it("gives each judgement's version number and the final rows the final dataset's", () => {
    const rows = Papa.parse<string[]>(text.trim()).data;
    const at = rows[0]!.indexOf('codebook_version');
    // Right after the codebook columns, before the attributes.
    expect(rows[0]!.slice(at - 1, at + 3)).toEqual(['value_count', 'codebook_version', 'origin', 'level']);
    const human = rows.slice(1).filter((r) => r[1] !== 'final');
    expect(human.filter((r) => r[at] === '1')).toHaveLength(8);
    expect(human.filter((r) => r[at] === '2')).toHaveLength(6);
    expect(rows.slice(1).filter((r) => r[1] === 'final').every((r) => r[at] === '2')).toBe(true);
    // Without `versions` (e.g. overens convert) the columns stay as they were.
    expect(longCsv({ content, documents, coders, judgements, lang: 'sv' }).split('\r\n')[0]).not.toContain('codebook_version');
  });
});

describe('overens agreement --version', () => {
  const csv = file('lang.csv', text);
  const alpha = async (args: string[]) => {
    const run = await cli(['agreement', csv, '--json', ...args]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { variables: { variable: string; units: number; krippendorff_alpha: number | null }[] };
    return { row: json.variables.find((v) => v.variable === 'Gemensamma mål med överenskommelsen')!, stderr: run.stderr };
  };

  it('takes the highest version by default and says what it left out', async () => {
    const { row, stderr } = await alpha([]);
    // Version 2: three documents, one disagreement.
    expect(row.units).toBe(3);
    expect(row.krippendorff_alpha).toBeLessThan(1);
    expect(stderr).toContain('analysed codebook version 2; left out 8 row(s) of other versions (8 under version 1); choose another with --version');
  });

  it('takes the version asked for, not mixed with the others', async () => {
    const { row, stderr } = await alpha(['--version', '1']);
    // Version 1 alone: four documents, all agreed (mixing in version 2 would give units 4 with a disagreement).
    expect(row.units).toBe(4);
    expect(row.krippendorff_alpha).toBe(1);
    // Left out: version 2's 6 judgements and the 20 final rows (4 agreements × the template's 5 variables).
    expect(stderr).toContain('analysed codebook version 1; left out 26 row(s) of other versions (26 under version 2)');
  });

  it('refuses a version the file does not have, and --version without the column', async () => {
    const missing = await cli(['agreement', csv, '--version', '3']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${csv}: no rows under codebook version 3; the file has versions 1, 2`);
    const plain = file('plain.csv', 'document,coder,variable,value\nd1,A,v,1\nd1,B,v,1\n');
    const none = await cli(['agreement', plain, '--version', '1']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe(`${plain}: --version 1 needs the column codebook_version (the app's long export has it)`);
    expect((await cli(['agreement', csv, '--version', 'x'])).code).toBe(2);
  });
});
