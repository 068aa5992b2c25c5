/**
 * `overens prevalence codings.csv --documents documents.csv --by <attribute>`: per-variable
 * prevalence split by a document attribute (Vårdanalys 2017:1, Bilaga 2 tables), counted by the
 * app's own code (formats/prevalence-input.ts): from the final dataset (`--final`, composed from
 * every coder's rows of the app's long export) or one coder's judgements (`--coder`), the
 * documents being the attribute CSV the app imports.
 */
import { prevalenceFromCodings, type PrevalenceSource } from '../../formats/prevalence-input';
import { parseAttributesCsv } from '../../formats/attributes-csv';
import { readCodebook } from '../read-codebook';
import { readCodings } from '../read-codings';
import { csvText, failOnProblems, InputError, readTextFile, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens prevalence codings.csv --documents documents.csv [--by <attribute>]
                           [--final | --coder <name>] [--codebook FILE] [--version N] [--json | --csv]

Count and percent of agreements per value of each variable, split by an agreement attribute,
counted as the app's Results view counts them.
  --documents  documents.csv: one row per agreement, keyed by file name (a column file, document,
               file_name, filename, fil or filnamn; comma or semicolon) + attribute columns — the
               attribute CSV the app's Documents view imports. A file of codings.csv is the row
               with its name, or with its name without extension (a DOCX twin of a listed PDF:
               the same agreement, whose own file's judgement counts)
  --by         the attribute to split by (e.g. level); omit for one group "all"
  --final      the final dataset, composed from every coder's rows as the app composes it: the
               consensus in force › the value every coder gave (agreed) › the only coder's
               (single) › unresolved (no value; listed on stderr and in the JSON)
  --coder      one coder's judgements instead (e.g. the consensus coder, or "final": the final
               dataset's rows of the app's export); required without --final when the file has
               several coders
  --codebook   an Överens codebook/template JSON or a REFI-QDA .qdc: every value in codebook order
               (zero counts shown) and derived variables; without it, the app export's value_code
               order, else the values in order of appearance
  --version    the codebook version to count (the export's codebook_version; default the highest)
  --json       {"variables":[{"variable","groups":[{"group","n","missing","values":[{"value","count","percent"}]}]}],"unresolved":[…]}
  --csv        one row per variable, group and value
A multi-valued judgement ("A; B") counts once for each of its values. Percent is 0–100 of the
agreements with a value (n); agreements without one are "missing".`;

export const prevalenceCommand: CliCommand = {
  name: 'prevalence',
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, {
      documents: { type: 'string' }, by: { type: 'string' }, coder: { type: 'string' }, final: { type: 'boolean' }, codebook: { type: 'string' }, version: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
    });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one codings.csv');
    const documentsFile = parsed.values.documents;
    if (!documentsFile) throw new UsageError('--documents documents.csv is required');
    if (parsed.values.json && parsed.values.csv) throw new UsageError('choose --json or --csv, not both');
    if (parsed.values.final && parsed.values.coder !== undefined) throw new UsageError('choose --final or --coder, not both');
    const version = parsed.values.version;
    if (version !== undefined && !/^[1-9]\d*$/.test(version)) throw new UsageError('--version must be a codebook version number (1, 2, …)');
    const codebook = parsed.values.codebook === undefined ? undefined : await readCodebook(parsed.values.codebook, warn);
    const scan = await readCodings(file, warn, version === undefined ? {} : { version });
    failOnProblems(file, scan.problems);
    const attributes = parseAttributesCsv(await readTextFile(documentsFile, warn));
    failOnProblems(documentsFile, attributes.problems);
    const by = parsed.values.by;
    if (by !== undefined && !attributes.rows.some((r) => by in r.attributes)) {
      throw new InputError(`${documentsFile}: no column "${by}" to split by (columns: ${Object.keys(attributes.rows[0]?.attributes ?? {}).join(', ') || 'none'})`);
    }
    const coders = scan.coders.names;
    let source: PrevalenceSource;
    if (parsed.values.final) {
      source = { final: true };
    } else if (parsed.values.coder !== undefined) {
      if (!coders.includes(parsed.values.coder)) throw new InputError(`${file}: no codings by coder "${parsed.values.coder}" (coders: ${coders.join(', ') || 'none'})`);
      source = { coder: parsed.values.coder };
    } else {
      if (coders.length > 1) throw new InputError(`${file}: codings by several coders (${coders.join(', ')}); choose one with --coder (for example the consensus coder), or --final for the final dataset`);
      source = { coder: coders[0] ?? '' };
    }
    const result = prevalenceFromCodings(scan, attributes.rows, { codebook, source, by, documentsName: documentsFile });
    failOnProblems(file, result.problems);
    for (const note of result.notes) warn(`${file}: ${note}`);
    if ('final' in source) {
      const s = result.dataset.summary.cells;
      warn(`${file}: final dataset of ${result.dataset.summary.units} agreements: ${s.consensus} consensus, ${s.agreed} agreed, ${s.single} single coder, ${s.unresolved} unresolved, ${s.unjudged} not judged${s.derived ? `, ${s.derived} derived` : ''}`);
      if (result.unresolved.length > 0) {
        const shown = result.unresolved.slice(0, 20).map((u) => `  ${u.document}: ${u.variable}`);
        warn(`${file}: unresolved (the coders differ and no consensus is in force; not counted):\n${shown.join('\n')}${result.unresolved.length > 20 ? `\n  … and ${result.unresolved.length - 20} more` : ''}`);
      }
    }
    const coderName = 'coder' in source ? source.coder : 'final dataset';
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify({ coder: coderName, by: by ?? null, variables: result.tables, ...('final' in source ? { unresolved: result.unresolved } : {}) }, null, 2)}\n`);
    } else if (parsed.values.csv) {
      io.stdout.write(csvText(['variable', 'group', 'n', 'missing', 'value', 'count', 'percent'], result.tables.flatMap((v) => v.groups.flatMap((g) => g.values.map((x) => [v.variable, g.group, g.n, g.missing, x.value, x.count, x.percent])))));
    } else {
      for (const v of result.tables) {
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
