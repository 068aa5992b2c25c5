/**
 * `overens agreement codings.csv`: inter-rater agreement per variable and pooled, from the
 * long-format codings file (document,coder,variable,value). Output keys are a contract.
 */
import { notesInEnglish, reportFromData, type AgreementRow, type Level, type WeightScale, type Weights } from '../../core/agreement';
import { agreementCsv } from '../../formats/agreement-export';
import { agreementInput, type DocumentScope } from '../../formats/agreement-input';
import type { CsvProblem } from '../../formats/csv-table';
import { readCodebook } from '../read-codebook';
import { readCodings } from '../read-codings';
import { failOnProblems, fmt, InputError, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens agreement codings.csv [--coders A,B[,…]] [--codebook FILE] [--scope all|shared|sample] [--version N]
                          [--level nominal|ordinal|interval|ratio] [--weights none|linear|quadratic]
                          [--weight-scale rank|value] [--bootstrap N --seed S] [--json | --csv]

Inter-rater agreement per variable and pooled over variables. codings.csv has the header
document,coder,variable,value (an empty value or a missing row = not coded), separated by commas,
semicolons or tabs, in UTF-8 (or Windows-1252, with a warning). The app's long export (Results →
Dataset → long CSV) is read as the app's Reliability view reads its judgements: its coder_kind
column leaves the consensus coder out, its variable_kind, variable_level, value_code and
value_count columns give each variable's kind, level of measurement, value order and number of
values (a multi-valued variable becomes one yes/no variable per value, "Variable: Value").
  --coders       only these coders, in this order (the consensus coder counts only when named)
  --codebook     the codebook the codings follow: an Överens codebook JSON (codebook/*.json, or
                 Codebook → Export JSON) or a REFI-QDA .qdc; gives every variable's kind, level,
                 all its values in order and their scores (interval/ratio)
  --scope        documents to analyse: all (default), shared (those every chosen coder judged:
                 the app's default), sample (of those, the reliability sample: column urval)
  --version      the codebook version to analyse (the export's codebook_version column; default:
                 the highest in the file); rows of other versions are counted and left out
  --level        one measurement level for Krippendorff's α of every variable (default: each
                 variable's own, else nominal); ordinal needs an order (numbers or the codebook's),
                 interval and ratio numbers (or the codebook's scores)
  --weights      weights for Cohen's κ of ordinal, interval and ratio variables (default none)
  --weight-scale the distances of the weights: rank (default; scikit-learn, the app) or value
                 (irrCAC: |x − y| / (max − min) of the numeric codes)
  --bootstrap    N bootstrap samples for a 95% CI of α (seeded with --seed, default 1)
  --json         JSON: {"variables":[...],"pooled":{...}}
  --csv          one CSV row per variable plus the pooled row
Coefficients undefined for the data are null, with a note saying why. Intervals: Cohen's κ ± 1.96·ASE
(Fleiss–Cohen–Everitt, as SAS PROC FREQ and statsmodels); Scott's π, percent agreement,
Fleiss' κ, Brennan–Prediger and AC1 ± t(.975; n − 1)·SE (Gwet, as irrCAC); α by bootstrap.`;

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
const WEIGHTS = ['none', 'linear', 'quadratic'] as const;
const SCALES = ['rank', 'value'] as const;
const SCOPES = ['all', 'shared', 'sample'] as const;

/** The conventions the numbers follow, stated in the JSON and under the table (README: methods conventions). */
function methods(weights: Weights, weightScale: WeightScale, bootstrap: number, seed: number) {
  return {
    cohen_kappa_ci: 'κ ± z(.975)·ASE with the Fleiss–Cohen–Everitt ASE (as SAS PROC FREQ and statsmodels)',
    other_ci: "Scott's π, percent agreement, Fleiss' κ, Brennan–Prediger, AC1: ± t(.975; n − 1)·SE with Gwet's (2014) SEs (as irrCAC)",
    alpha_ci: bootstrap > 0 ? `percentile interval of ${bootstrap} bootstrap resamples of the units (seed ${seed})` : null,
    kappa_weights: weights === 'none' ? 'none' : `${weights}, by the values' ${weightScale === 'rank' ? 'ranks (as scikit-learn and R psych)' : 'numeric codes: |x − y| / (max − min) (as irrCAC)'}`,
    numeric_values: 'a variable whose values are all numbers is numeric: "1" and "1.0" are one category',
  };
}

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
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, {
      coders: { type: 'string' },
      codebook: { type: 'string' },
      scope: { type: 'string' },
      version: { type: 'string' },
      level: { type: 'string' },
      weights: { type: 'string' },
      'weight-scale': { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one codings.csv');
    const level = parsed.values.level as Level | undefined;
    if (level !== undefined && !LEVELS.includes(level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    const weights = (parsed.values.weights ?? 'none') as Weights;
    if (!WEIGHTS.includes(weights)) throw new UsageError(`--weights must be one of ${WEIGHTS.join(', ')}`);
    const weightScale = (parsed.values['weight-scale'] ?? 'rank') as WeightScale;
    if (!SCALES.includes(weightScale)) throw new UsageError(`--weight-scale must be one of ${SCALES.join(', ')}`);
    const scope = (parsed.values.scope ?? 'all') as DocumentScope;
    if (!SCOPES.includes(scope)) throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}`);
    const coders = parsed.values.coders?.split(',').map((c) => c.trim());
    if (coders && (coders.length < 1 || coders.some((c) => !c))) throw new UsageError('--coders needs coder names separated by commas, e.g. --coders Anna,Bertil');
    const bootstrap = parsed.values.bootstrap === undefined ? 0 : Number(parsed.values.bootstrap);
    if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100_000) throw new UsageError('--bootstrap must be a whole number from 0 to 100000');
    const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    if (parsed.values.json && parsed.values.csv) throw new UsageError('choose --json or --csv, not both');
    const version = parsed.values.version;
    if (version !== undefined && !/^[1-9]\d*$/.test(version)) throw new UsageError('--version must be a codebook version number (1, 2, …)');
    const codebook = parsed.values.codebook === undefined ? undefined : await readCodebook(parsed.values.codebook, warn);
    const scan = await readCodings(file, warn, version === undefined ? {} : { version });
    failOnProblems(file, withMore(scan.problems, scan.moreProblems));
    if (scan.rows.document.length === 0) throw new InputError(`${file}: no codings (only a header)`);
    const input = agreementInput(scan, { codebook, coders, scope, level, weights });
    failOnProblems(file, input.problems);
    for (const note of input.notes) warn(`${file}: ${note}`);
    if (input.variables.length === 0) throw new InputError(`${file}: nothing to analyse (no variable with codings by the chosen coders${scope === 'all' ? '' : ` on the documents of --scope ${scope}`})`);
    const report = reportFromData(input.variables, input.coders, { level: level ?? 'nominal', weights, bootstrap, seed, weightScale });
    const all = [...report.variables, report.pooled];
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify({ level: level ?? null, weights, weight_scale: weightScale, scope, coders: report.coders, methods: methods(weights, weightScale, bootstrap, seed), variables: report.variables.map(publicRow), pooled: publicRow(report.pooled) }, null, 2)}\n`);
    } else if (parsed.values.csv) {
      // Each coefficient followed by its 95% CI bounds (empty where not computed): the app's export too.
      io.stdout.write(agreementCsv(report, { variable: (id) => id, pooled: '(pooled)', lang: 'en' }, '\n'));
    } else {
      io.stdout.write(`Agreement (${level ?? 'each variable at its level'}${weights !== 'none' ? `, ${weights} weights by ${weightScale}` : ''}), coders: ${report.coders.join(', ')}\n\n`);
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
      const m = methods(weights, weightScale, bootstrap, seed);
      io.stdout.write(`\nMethods: Cohen's ${m.cohen_kappa_ci}; ${m.other_ci}; α ${m.alpha_ci ?? 'without an interval (--bootstrap N gives one)'}; κ weights ${m.kappa_weights}; ${m.numeric_values}.\n`);
    }
    return 0;
  },
};

const withMore = (problems: readonly CsvProblem[], more: number): CsvProblem[] => (more > 0 ? [...problems, { message: `… and ${more} more problem(s)` }] : [...problems]);
