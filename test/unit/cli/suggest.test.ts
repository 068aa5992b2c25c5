// `overens suggest`: trains on long codings and a folder of texts and proposes, for every file
// the codings do not cover, one object per variable with the labels of the codings file. The
// texts come from the generated corpus of the engine's tests (test/unit/core/assist/corpus.ts),
// so every expected value is the one the text was written with. Bad input: a message naming the
// file (and line), exit status 1, no stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, VARIABLES } from '../core/assist/corpus';
import { cli, tempFiles } from './run-cli';

const { dir, file } = tempFiles('overens-suggest-');
const folder = path.join(dir, 'texts');
mkdirSync(folder);
const docs = generate(16, 41, 'avtal');
for (const d of docs) writeFileSync(path.join(folder, `${d.id}.txt`), d.text);
const coded = docs.slice(0, 12);
const targets = docs.slice(12);
const labelOf = (variableId: string, valueId: string) => {
  const v = VARIABLES.find((x) => x.id === variableId)!;
  return { variable: v.label.sv!, value: v.values.find((x) => x.id === valueId)!.label.sv! };
};
const csvLine = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const codingsCsv = ['document,coder,variable,value', ...coded.flatMap((d) => VARIABLES.map((v) => { const l = labelOf(v.id, d.truth[v.id]!); return csvLine([`${d.id}.txt`, 'Anna', l.variable, l.value]); }))].join('\n');
const codings = file('codings.csv', codingsCsv);
const codebook = file('codebook.json', JSON.stringify({ format: 'overens-codebook', formatVersion: 1, id: 'test', name: { sv: 'Test' }, content: { groups: [], variables: VARIABLES } }));

interface Out {
  document: string;
  variable: string;
  value: string;
  confidence: number;
  evidence: { start: number; end: number; quote: string }[];
}

describe('overens suggest', () => {
  it('proposes every variable of every uncoded document, by the labels of the codings file', async () => {
    // With the codebook every proposal is right; without it the model has only the 12 coded
    // documents to learn which sentences matter (no indicator terms, no absent value), and a
    // value seen twice may be missed once: at least 11 of the 12 cells must be right.
    for (const args of [['--codebook', codebook], []]) {
      let right = 0;
      const { code, stdout, stderr } = await cli(['suggest', '--train', codings, '--texts', folder, '--json', ...args]);
      expect(code, stderr).toBe(0);
      const out = JSON.parse(stdout) as Out[];
      expect(out).toHaveLength(targets.length * VARIABLES.length);
      for (const t of targets) {
        for (const v of VARIABLES) {
          const o = out.find((x) => x.document === `${t.id}.txt` && x.variable === v.label.sv)!;
          if (o.value === labelOf(v.id, t.truth[v.id]!).value) right++;
          expect(o.confidence).toBeGreaterThan(0);
          expect(o.confidence).toBeLessThanOrEqual(1);
          for (const e of o.evidence) expect(t.text.slice(e.start, e.end)).toBe(e.quote);
        }
      }
      expect(stderr).toContain('learned 3 variable(s) from 12 document(s); 4 document(s)');
      expect(right, args.join(' ')).toBeGreaterThanOrEqual(args.length ? 12 : 11);
    }
  });

  it('prints a table without --json', async () => {
    const { code, stdout } = await cli(['suggest', '--train', codings, '--texts', folder]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^document\s+variable\s+value\s+confidence\s+evidence$/);
    expect(stdout.trim().split('\n')).toHaveLength(2 + targets.length * VARIABLES.length);
  });

  it('names unknown variables and values with their lines', async () => {
    const bad = file('bad.csv', `${codingsCsv}\n${coded[0]!.id}.txt,Bertil,Tolkar,Ja\n${coded[0]!.id}.txt,Bertil,LVM,Kanske`);
    const { code, stdout, stderr } = await cli(['suggest', '--train', bad, '--texts', folder, '--codebook', codebook]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = coded.length * VARIABLES.length + 1;
    expect(stderr).toContain(`${bad}:${lines + 1}: variable "Tolkar" is not in ${codebook}`);
    expect(stderr).toContain(`${bad}:${lines + 2}: "Kanske" is not a value of variable "LVM" in ${codebook} (values: "Ja", "Nej")`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses codings with nothing to learn from', async () => {
    const empty = file('empty.csv', 'document,coder,variable,value\n');
    const { code, stderr } = await cli(['suggest', '--train', empty, '--texts', folder]);
    expect(code).toBe(1);
    expect(stderr).toBe(`${empty}: no codings to learn from (only a header)\n`);
  });

  it('names a coded document that is not in the folder, and one without text', async () => {
    const missing = file('missing.csv', `${codingsCsv}\nnowhere.pdf,Anna,LVM,Ja`);
    const a = await cli(['suggest', '--train', missing, '--texts', folder]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${missing}: 1 coded document(s) are not in ${folder}: "nowhere.pdf"`);

    const other = path.join(dir, 'with-empty');
    mkdirSync(other);
    for (const d of docs) writeFileSync(path.join(other, `${d.id}.txt`), d.text);
    writeFileSync(path.join(other, 'scanned.txt'), '');
    const withEmpty = file('with-empty.csv', `${codingsCsv}\nscanned.txt,Anna,LVM,Ja`);
    const b = await cli(['suggest', '--train', withEmpty, '--texts', other]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(path.join(other, 'scanned.txt'));
    expect(b.stderr).toContain('so there is no text to learn from');

    // Not coded: the empty file is named on stderr and gets no proposals; the others do.
    const c = await cli(['suggest', '--train', codings, '--texts', other, '--json']);
    expect(c.code).toBe(0);
    expect(c.stderr).toContain(`${path.join(other, 'scanned.txt')}`);
    expect(c.stderr).toContain('no proposals for it');
    expect((JSON.parse(c.stdout) as Out[]).some((o) => o.document === 'scanned.txt')).toBe(false);
  });

  it('says what is missing on the command line', async () => {
    const { code, stderr } = await cli(['suggest', '--texts', folder]);
    expect(code).toBe(2);
    expect(stderr).toContain('--train codings.csv is required');
    expect((await cli(['suggest', '--train', codings, '--texts', path.join(dir, 'nope')])).stderr).toContain('no such folder (--texts)');
  });
});
