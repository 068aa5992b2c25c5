/**
 * `overens prevalence codings.csv --documents documents.csv --by <attribute>`: per-variable
 * prevalence split by a document attribute (Vårdanalys 2017:1, Bilaga 2 tables). With
 * `--codebook template.json`, values follow the codebook's order (zero counts shown) and derived
 * variables (e.g. the Öppna jämförelser indicator) are computed and included.
 */
import type { Variable } from '../../core';
import { readCodebook } from '../read-codebook';
import { computeDerived } from '../../core/codebook';
import { prevalence, type PrevalenceJudgement, type PrevalenceVariable } from '../../core/prevalence';
import { matchAttributeRows, parseAttributesCsv } from '../../formats/attributes-csv';
import { parseCodingsCsv } from '../../formats/stats-csv';
import { csvText, failOnProblems, InputError, readTextFile, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens prevalence codings.csv --documents documents.csv --by <attribute>
                           [--coder <name>] [--codebook template.json] [--json | --csv]

Count and percent of documents per value of each variable, split by a document attribute.
  --documents  documents.csv: one row per agreement to count, keyed by file name (a column file,
               document, file_name, filename, fil or filnamn; comma or semicolon) + attribute
               columns — the attribute CSV the app's Documents view imports; a document of
               codings.csv is the row with its name, or with its name without extension (a DOCX
               twin of a listed PDF counts as the same agreement)
  --by         the attribute to split by (e.g. level); omit for one group "all"
  --coder      whose codings to use (required when codings.csv has several coders), e.g. the
               consensus coder
  --codebook   an Överens codebook/template JSON or a REFI-QDA .qdc: codebook value order and
               derived variables
  --json       {"variables":[{"variable","groups":[{"group","n","missing","values":[{"value","count","percent"}]}]}]}
  --csv        one row per variable, group and value
Percent is 0–100 of the documents with a value (n); documents without one are "missing".`;

function matchVariable(variables: readonly Variable[], name: string): Variable | undefined {
  return variables.find((v) => v.label.sv === name || v.label.en === name || v.key === name || v.id === name);
}

export const prevalenceCommand: CliCommand = {
  name: 'prevalence',
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, { documents: { type: 'string' }, by: { type: 'string' }, coder: { type: 'string' }, codebook: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one codings.csv');
    const documentsFile = parsed.values.documents;
    if (!documentsFile) throw new UsageError('--documents documents.csv is required');
    if (parsed.values.json && parsed.values.csv) throw new UsageError('choose --json or --csv, not both');
    const codings = parseCodingsCsv(await readTextFile(file, warn));
    failOnProblems(file, codings.problems);
    const attributes = parseAttributesCsv(await readTextFile(documentsFile, warn));
    failOnProblems(documentsFile, attributes.problems);
    const documents = attributes.rows.map((r) => ({ document: r.file, attributes: r.attributes }));
    const by = parsed.values.by;
    if (by !== undefined && !documents.some((d) => by in d.attributes)) {
      throw new InputError(`${documentsFile}: no column "${by}" to split by (columns: ${Object.keys(documents[0]?.attributes ?? {}).join(', ') || 'none'})`);
    }
    const coders = [...new Set(codings.rows.map((r) => r.coder))];
    let coder = parsed.values.coder;
    if (coder === undefined) {
      if (coders.length > 1) throw new InputError(`${file}: codings by several coders (${coders.join(', ')}); choose one with --coder (for example the consensus coder)`);
      coder = coders[0];
    } else if (!coders.includes(coder)) {
      throw new InputError(`${file}: no codings by coder "${coder}" (coders: ${coders.join(', ') || 'none'})`);
    }
    // Each codings document → its agreement's row: the same file name, else the same stem.
    const names = [...new Set(codings.rows.filter((r) => r.coder === coder).map((r) => r.document))];
    const matching = matchAttributeRows(attributes.rows, names.map((n) => ({ id: n, fileName: n })));
    const agreementOf = new Map(matching.matches.map((m) => [m.documentId, m.row.file]));
    const unknown = codings.rows.filter((r) => r.coder === coder && !agreementOf.has(r.document));
    if (unknown.length > 0) {
      throw new InputError(formatUnknown(file, documentsFile, unknown.map((r) => ({ line: r.line, document: r.document }))));
    }
    // A PDF and its DOCX twin are one agreement: their codings must not contradict each other.
    const seen = new Map<string, { line: number; document: string; values: string }>();
    const own: typeof codings.rows = [];
    for (const r of codings.rows) {
      if (r.coder !== coder) continue;
      const agreement = agreementOf.get(r.document)!;
      const key = JSON.stringify([agreement, r.variable]);
      const earlier = seen.get(key);
      if (earlier && earlier.values !== (r.value ?? '')) {
        throw new InputError(`${file}:${r.line}: "${r.document}" and "${earlier.document}" (line ${earlier.line}) are the same agreement "${agreement}" in ${documentsFile} but have different values of "${r.variable}"`);
      }
      if (earlier) continue;
      seen.set(key, { line: r.line, document: r.document, values: r.value ?? '' });
      own.push({ ...r, document: agreement });
    }
    let judgements: PrevalenceJudgement[] = own.map((r) => ({ documentId: r.document, variable: r.variable, values: r.value ? [r.value] : [] }));
    let variables: PrevalenceVariable[] | undefined;
    if (parsed.values.codebook) {
      const content = await readCodebook(parsed.values.codebook, warn);
      const label = (v: Variable, valueId: string) => v.values.find((x) => x.id === valueId)?.label.sv ?? valueId;
      variables = content.variables.map((v) => ({ id: v.label.sv ?? v.key, values: v.values.map((x) => x.label.sv ?? x.key) }));
      // Map CSV names onto the codebook, then compute derived variables per document.
      const judged = new Map<string, Map<string, string[]>>();
      judgements = judgements.map((j) => {
        const v = matchVariable(content.variables, j.variable);
        if (!v) return j;
        const ids = j.values.map((value) => v.values.find((x) => x.label.sv === value || x.label.en === value || x.key === value || x.id === value)?.id ?? value);
        const perDoc = judged.get(j.documentId) ?? new Map<string, string[]>();
        perDoc.set(v.id, ids);
        judged.set(j.documentId, perDoc);
        return { ...j, variable: v.label.sv ?? v.key, values: ids.map((id) => label(v, id)) };
      });
      for (const [documentId, values] of judged) {
        for (const [variableId, valueId] of computeDerived(content, values)) {
          const v = content.variables.find((x) => x.id === variableId)!;
          judgements = judgements.filter((j) => !(j.documentId === documentId && j.variable === (v.label.sv ?? v.key)));
          judgements.push({ documentId, variable: v.label.sv ?? v.key, values: valueId ? [label(v, valueId)] : [] });
        }
      }
    }
    const result = prevalence({ documents: documents.map((d) => ({ id: d.document, attributes: d.attributes })), judgements, variables, by });
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify({ coder, by: by ?? null, variables: result }, null, 2)}\n`);
    } else if (parsed.values.csv) {
      io.stdout.write(csvText(['variable', 'group', 'n', 'missing', 'value', 'count', 'percent'], result.flatMap((v) => v.groups.flatMap((g) => g.values.map((x) => [v.variable, g.group, g.n, g.missing, x.value, x.count, x.percent])))));
    } else {
      for (const v of result) {
        const values = v.groups[0]?.values.map((x) => x.value) ?? [];
        io.stdout.write(`${v.variable}\n`);
        io.stdout.write(
          textTable(
            [by ?? 'group', 'n', 'missing', ...values.map((x) => `${x}, %`)],
            v.groups.map((g) => [g.group || '(none)', String(g.n), String(g.missing), ...g.values.map((x) => (x.percent === null ? '—' : x.percent.toFixed(1)))]),
          ),
        );
        io.stdout.write('\n');
      }
    }
    return 0;
  },
};

function formatUnknown(file: string, documentsFile: string, rows: { line: number; document: string }[]): string {
  const shown = rows.slice(0, 20).map((r) => `${file}:${r.line}: document "${r.document}" is not in ${documentsFile}`);
  return [...shown, ...(rows.length > 20 ? [`… and ${rows.length - 20} more`] : [])].join('\n');
}
