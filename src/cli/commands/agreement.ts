/**
 * `overens agreement codings.csv`: inter-rater agreement per variable and pooled, from the
 * long-format codings file (document,coder,variable,value). Output keys are a contract.
 */
import { agreementReport, notesInEnglish, type AgreementRow, type Level, type Weights } from '../../core/agreement';
import { agreementCsv } from '../../formats/agreement-export';
import { parseCodingsCsv } from '../../formats/stats-csv';
import { failOnProblems, fmt, InputError, readTextFile, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens agreement codings.csv [--level nominal|ordinal|interval|ratio]
                          [--weights none|linear|quadratic] [--bootstrap N --seed S] [--json | --csv]

Inter-rater agreement per variable and pooled over variables. codings.csv has the header
document,coder,variable,value (an empty value or a missing row = not coded).
  --level      measurement level for Krippendorff's α (default nominal); ordinal, interval and
               ratio need numeric values (their order and distances)
  --weights    weights for Cohen's κ with ordinal data (default none)
  --bootstrap  N bootstrap samples for a 95% CI of α (seeded with --seed, default 1)
  --json       JSON: {"variables":[...],"pooled":{...}}
  --csv        one CSV row per variable plus the pooled row
Coefficients undefined for the data are null, with a note saying why.`;

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
const WEIGHTS = ['none', 'linear', 'quadratic'] as const;

const ci = (interval: [number, number] | null) => (interval ? `${fmt(interval[0])}–${fmt(interval[1])}` : '—');

function publicRow(row: AgreementRow) {
  return {
    variable: row.variable,
    level: row.level,
    kappa_weights: row.weights,
    units: row.units,
    coders: row.coders,
    pairable_values: row.pairable_values,
    percent_agreement: row.percent_agreement,
    cohen_kappa: row.cohen_kappa,
    scott_pi: row.scott_pi,
    fleiss_kappa: row.fleiss_kappa,
    brennan_prediger: row.brennan_prediger,
    gwet_ac1: row.gwet_ac1,
    krippendorff_alpha: row.krippendorff_alpha,
    ci95: row.ci95,
    notes: notesInEnglish(row.notes),
    categories: row.categories.map((c) => ({ value: c.category, values: c.values, specific_agreement: c.specificAgreement, kappa: c.kappa })),
    confusion: row.confusion,
  };
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: 'inter-rater agreement (κ, π, AC1, α …) per variable from codings.csv',
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, { level: { type: 'string' }, weights: { type: 'string' }, bootstrap: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one codings.csv');
    const level = (parsed.values.level ?? 'nominal') as Level;
    if (!LEVELS.includes(level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    const weights = (parsed.values.weights ?? 'none') as Weights;
    if (!WEIGHTS.includes(weights)) throw new UsageError(`--weights must be one of ${WEIGHTS.join(', ')}`);
    const bootstrap = parsed.values.bootstrap === undefined ? 0 : Number(parsed.values.bootstrap);
    if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100_000) throw new UsageError('--bootstrap must be a whole number from 0 to 100000');
    const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    if (parsed.values.json && parsed.values.csv) throw new UsageError('choose --json or --csv, not both');
    const { rows, problems } = parseCodingsCsv(await readTextFile(file, warn));
    if (level !== 'nominal' || weights !== 'none') {
      for (const r of rows) {
        if (r.value !== null && !Number.isFinite(Number(r.value))) problems.push({ line: r.line, message: `value "${r.value}" is not a number; --level ${level}${weights !== 'none' ? ` / --weights ${weights}` : ''} needs numeric values` });
      }
    }
    failOnProblems(file, problems);
    if (rows.length === 0) throw new InputError(`${file}: no codings (only a header)`);
    const report = agreementReport(rows, { level, weights, bootstrap, seed });
    const all = [...report.variables, report.pooled];
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify({ level, weights, coders: report.coders, variables: report.variables.map(publicRow), pooled: publicRow(report.pooled) }, null, 2)}\n`);
    } else if (parsed.values.csv) {
      // Each coefficient followed by its 95% CI bounds (empty where not computed): the app's export too.
      io.stdout.write(agreementCsv(report, { variable: (id) => id, pooled: '(pooled)', lang: 'en' }, '\n'));
    } else {
      io.stdout.write(`Agreement (${level}${weights !== 'none' ? `, ${weights} weights` : ''}), coders: ${report.coders.join(', ')}\n\n`);
      io.stdout.write(
        textTable(
          ['variable', 'units', '%agree', 'κ', 'κ 95% CI', 'π', 'π 95% CI', 'Fleiss κ', 'Fleiss 95% CI', 'BP', 'AC1', 'AC1 95% CI', 'α', 'α 95% CI'],
          all.map((r) => [
            r.variable,
            String(r.units),
            fmt(r.percent_agreement),
            fmt(r.cohen_kappa),
            ci(r.ci95.cohen_kappa),
            fmt(r.scott_pi),
            ci(r.ci95.scott_pi),
            fmt(r.fleiss_kappa),
            ci(r.ci95.fleiss_kappa),
            fmt(r.brennan_prediger),
            fmt(r.gwet_ac1),
            ci(r.ci95.gwet_ac1),
            fmt(r.krippendorff_alpha),
            ci(r.ci95.krippendorff_alpha),
          ]),
        ),
      );
      const notes = all.flatMap((r) => notesInEnglish(r.notes).map((n) => `  ${r.variable}: ${n}`));
      if (notes.length) io.stdout.write(`\nNotes:\n${[...new Set(notes)].join('\n')}\n`);
    }
    return 0;
  },
};
