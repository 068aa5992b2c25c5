/**
 * `overens prevalence codings.csv --documents documents.csv --by <attribute>`: per-variable
 * prevalence split by a document attribute (Vårdanalys 2017:1, Bilaga 2 tables). With
 * `--codebook template.json`, values follow the codebook's order (zero counts shown) and derived
 * variables (e.g. the Öppna jämförelser indicator) are computed and included.
 */
import { CodebookTemplate, formatIssues, type Variable } from '../../core';
import { computeDerived } from '../../core/codebook';
import { prevalence, type PrevalenceJudgement, type PrevalenceVariable } from '../../core/prevalence';
import { parseCodingsCsv, parseDocumentsCsv } from '../../formats/stats-csv';
import { csvText, failOnProblems, InputError, readTextFile, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens prevalence codings.csv --documents documents.csv --by <attribute>
                           [--coder <name>] [--codebook template.json] [--json | --csv]

Count and percent of documents per value of each variable, split by a document attribute.
  --documents  documents.csv: document + attribute columns (every document to count)
  --by         the attribute to split by (e.g. level); omit for one group "all"
  --coder      whose codings to use (required when codings.csv has several coders), e.g. the
               consensus coder
  --codebook   an Överens codebook/template JSON: codebook value order and derived variables
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
    const documents = parseDocumentsCsv(await readTextFile(documentsFile, warn));
    failOnProblems(documentsFile, documents.problems);
    const by = parsed.values.by;
    if (by !== undefined && !documents.rows.some((d) => by in d.attributes)) {
      throw new InputError(`${documentsFile}: no column "${by}" to split by (columns: ${Object.keys(documents.rows[0]?.attributes ?? {}).join(', ') || 'none'})`);
    }
    const coders = [...new Set(codings.rows.map((r) => r.coder))];
    let coder = parsed.values.coder;
    if (coder === undefined) {
      if (coders.length > 1) throw new InputError(`${file}: codings by several coders (${coders.join(', ')}); choose one with --coder (for example the consensus coder)`);
      coder = coders[0];
    } else if (!coders.includes(coder)) {
      throw new InputError(`${file}: no codings by coder "${coder}" (coders: ${coders.join(', ') || 'none'})`);
    }
    const known = new Set(documents.rows.map((d) => d.document));
    const unknown = codings.rows.filter((r) => r.coder === coder && !known.has(r.document));
    if (unknown.length > 0) {
      throw new InputError(formatUnknown(file, documentsFile, unknown.map((r) => ({ line: r.line, document: r.document }))));
    }
    const own = codings.rows.filter((r) => r.coder === coder);
    let judgements: PrevalenceJudgement[] = own.map((r) => ({ documentId: r.document, variable: r.variable, values: r.value ? [r.value] : [] }));
    let variables: PrevalenceVariable[] | undefined;
    if (parsed.values.codebook) {
      const raw = await readTextFile(parsed.values.codebook);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        throw new InputError(`${parsed.values.codebook}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const template = CodebookTemplate.safeParse(json);
      if (!template.success) throw new InputError(`${parsed.values.codebook}: not a valid codebook:\n${formatIssues(template.error.issues).map((l) => `  ${l}`).join('\n')}`);
      const content = template.data.content;
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
    const result = prevalence({ documents: documents.rows.map((d) => ({ id: d.document, attributes: d.attributes })), judgements, variables, by });
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
