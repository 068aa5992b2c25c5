/**
 * The agreement report for long-format codings (document, coder, variable, value): one row per
 * variable with every coefficient, and a pooled row over all variables (units = document ×
 * variable, categories kept apart per variable). This is what `overens agreement` prints and the
 * Reliability view shows; undefined coefficients are null with a note saying why (notes.ts: a
 * code with its Swedish and English text).
 */
import { bootstrapAlpha } from './bootstrap';
import { categoryAgreement, cohenKappa, confusionMatrix, multiCoderAgreement, scottPiWithPrecision, type CategoryAgreement, type WeightScale, type Weights } from './categorical';
import { krippendorffAlpha, type Level } from './krippendorff';
import type { AgreementNote } from './notes';
import { buildReliabilityData, MISSING, numericCategoryOrder, type ReliabilityData } from './reliability-data';

export interface LongCoding {
  document: string;
  coder: string;
  variable: string;
  /** null or '' = not coded. */
  value: string | null;
}

export interface AgreementOptions {
  level?: Level;
  weights?: Weights;
  /** Bootstrap samples for α's CI (0 = none). */
  bootstrap?: number;
  seed?: number;
  /** Category order per variable (codebook order); needed for ordinal data given as labels. */
  categoryOrder?: ReadonlyMap<string, readonly string[]>;
  /** Coders in column order (so coder order is stable). */
  coders?: readonly string[];
  /** Each variable's level of measurement (its α metric); variables not listed use `level`. */
  variableLevels?: ReadonlyMap<string, Level>;
  /** Weights of each variable's Cohen's κ (e.g. linear for ordinal variables); others use `weights`. */
  variableWeights?: ReadonlyMap<string, Weights>;
  /** Numeric scores of each variable's categories, for interval and ratio α. */
  scores?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Distances of weighted κ: the categories' ranks (default) or their numeric values (irrCAC). */
  weightScale?: WeightScale;
}

export interface AgreementRow {
  variable: string;
  /** The level of measurement α was computed at (the pooled row: always nominal). */
  level: Level;
  /** The weights of Cohen's κ (the pooled row: always none). */
  weights: Weights;
  units: number;
  coders: number;
  pairable_values: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  scott_pi: number | null;
  fleiss_kappa: number | null;
  brennan_prediger: number | null;
  gwet_ac1: number | null;
  krippendorff_alpha: number | null;
  /**
   * 95% confidence intervals: κ (Fleiss–Cohen–Everitt SE) and π (Gwet's two-rater SE) over units
   * coded by both; percent agreement, Fleiss' κ, BP and AC1 with Gwet's multi-rater SE; all with
   * t(n − 1). α's only on request, by bootstrap.
   */
  ci95: Record<CiKey, [number, number] | null>;
  /** Why coefficients are undefined, and what else to know; texts in both languages via `noteMessage`. */
  notes: AgreementNote[];
  categories: CategoryAgreement[];
  /** Two coders only: rows = first coder, columns = second, in `categories` order. */
  confusion: number[][] | null;
}

export const CI_KEYS = ['percent_agreement', 'cohen_kappa', 'scott_pi', 'fleiss_kappa', 'brennan_prediger', 'gwet_ac1', 'krippendorff_alpha'] as const;
export type CiKey = (typeof CI_KEYS)[number];

export interface AgreementReport {
  variables: AgreementRow[];
  pooled: AgreementRow;
  coders: string[];
  level: Level;
  weights: Weights;
}

/** The coder columns with at least one value: the coders who coded this variable. */
function codedColumns(data: ReliabilityData): number[] {
  const columns: number[] = [];
  for (let r = 0; r < data.coders; r++) {
    for (let u = 0; u < data.units; u++) {
      if (data.values[u * data.coders + r] !== MISSING) {
        columns.push(r);
        break;
      }
    }
  }
  return columns;
}

type AnalyseOptions = Required<Pick<AgreementOptions, 'level' | 'weights' | 'bootstrap' | 'seed' | 'weightScale'>>;

function analyse(variable: string, data: ReliabilityData, opts: AnalyseOptions): AgreementRow {
  // κ and π compare the variable's own two coders, whichever columns of the file they are.
  const columns = codedColumns(data);
  const coderCount = columns.length;
  const notes: AgreementNote[] = [];
  const multi = multiCoderAgreement(data);
  notes.push(...multi.notes);
  const alpha = krippendorffAlpha(data, opts.level);
  if (alpha.note && alpha.alpha === null) notes.push(alpha.note);
  let cohen: number | null = null;
  let cohenCi: [number, number] | null = null;
  let scott: number | null = null;
  let scottCi: [number, number] | null = null;
  let confusion: number[][] | null = null;
  if (coderCount === 2) {
    const table = confusionMatrix(data, columns[0], columns[1]);
    const valueScale = opts.weightScale === 'value' && opts.weights !== 'none';
    const numericCategories = !valueScale || data.categories.every((_, c) => Number.isFinite(data.numeric[c]!));
    const k = numericCategories ? cohenKappa(table, opts.weights, opts.weightScale, data.numeric) : { value: null, ci95: null, note: { code: 'kappa-weights-need-numbers' } as AgreementNote };
    cohen = k.value;
    cohenCi = k.ci95;
    if (k.note) notes.push(k.note);
    const pi = scottPiWithPrecision(table);
    scott = pi.value;
    scottCi = pi.precision?.ci95 ?? null;
    const q = table.q;
    confusion = Array.from({ length: q }, (_, i) => Array.from(table.counts.subarray(i * q, i * q + q)));
  } else {
    notes.push(coderCount < 2 ? { code: 'one-coder' } : { code: 'two-coder-coefficients', coders: coderCount });
  }
  let alphaCi: [number, number] | null = null;
  if (opts.bootstrap > 0 && alpha.alpha !== null) {
    const b = bootstrapAlpha(data, opts.level, opts.bootstrap, opts.seed);
    alphaCi = b.ci95;
    if (b.undefinedShare > 0) notes.push({ code: 'bootstrap-undefined', share: b.undefinedShare });
  }
  // Units with a value, and pairable values counted (an integer, not the coincidences' float sum).
  let units = 0;
  let pairableValues = 0;
  for (let u = 0; u < data.units; u++) {
    let mu = 0;
    for (let r = 0; r < data.coders; r++) if (data.values[u * data.coders + r] !== MISSING) mu++;
    if (mu > 0) units++;
    if (mu >= 2) pairableValues += mu;
  }
  return {
    variable,
    level: opts.level,
    weights: opts.weights,
    units,
    coders: coderCount,
    pairable_values: pairableValues,
    percent_agreement: multi.percentAgreement,
    cohen_kappa: cohen,
    scott_pi: coderCount === 2 ? scott : null,
    fleiss_kappa: multi.fleissKappa,
    brennan_prediger: multi.brennanPrediger,
    gwet_ac1: multi.gwetAc1,
    krippendorff_alpha: alpha.alpha,
    ci95: {
      percent_agreement: multi.precision.percentAgreement?.ci95 ?? null,
      cohen_kappa: cohenCi,
      scott_pi: coderCount === 2 ? scottCi : null,
      fleiss_kappa: multi.precision.fleissKappa?.ci95 ?? null,
      brennan_prediger: multi.precision.brennanPrediger?.ci95 ?? null,
      gwet_ac1: multi.precision.gwetAc1?.ci95 ?? null,
      krippendorff_alpha: alphaCi,
    },
    notes,
    categories: categoryAgreement(data),
    confusion,
  };
}

/**
 * A variable whose every value is a number (and whose categories the caller does not name) is
 * numeric: "1", "1.0" and "01" are one category, spelt as the number (String(Number(x))), as R,
 * irrCAC and fast-krippendorff read such a column.
 */
export function numericSpellings(codings: readonly LongCoding[], named?: ReadonlyMap<string, readonly string[]>): readonly LongCoding[] {
  const numeric = new Map<string, boolean>();
  for (const c of codings) {
    if (!c.value || numeric.get(c.variable) === false) continue;
    numeric.set(c.variable, !named?.has(c.variable) && c.value.trim() !== '' && Number.isFinite(Number(c.value)));
  }
  if (![...numeric.values()].some(Boolean)) return codings;
  return codings.map((c) => (c.value && numeric.get(c.variable) ? { ...c, value: String(Number(c.value)) } : c));
}

export function agreementReport(codings: readonly LongCoding[], options: AgreementOptions = {}): AgreementReport {
  const opts = { level: options.level ?? 'nominal', weights: options.weights ?? 'none', bootstrap: options.bootstrap ?? 0, seed: options.seed ?? 1, weightScale: options.weightScale ?? 'rank' } as const;
  codings = numericSpellings(codings, options.categoryOrder);
  const coders = [...new Set([...(options.coders ?? []), ...codings.map((c) => c.coder)])];
  const byVariable = new Map<string, LongCoding[]>();
  for (const c of codings) {
    const list = byVariable.get(c.variable) ?? [];
    list.push(c);
    byVariable.set(c.variable, list);
  }
  const levelOf = (variable: string) => options.variableLevels?.get(variable) ?? opts.level;
  const orderFor = (variable: string, rows: readonly LongCoding[]) => {
    const given = options.categoryOrder?.get(variable);
    if (given) return given;
    const labels = rows.flatMap((r) => (r.value ? [r.value] : []));
    return levelOf(variable) === 'nominal' ? undefined : (numericCategoryOrder(labels) ?? undefined);
  };
  const variables = [...byVariable.entries()].map(([variable, rows]): VariableData => {
    const { data } = buildReliabilityData(
      rows.map((r) => ({ unit: r.document, coder: r.coder, value: r.value })),
      { categoryOrder: orderFor(variable, rows), coderOrder: coders, scores: options.scores?.get(variable) },
    );
    return { variable, data, level: levelOf(variable), weights: options.variableWeights?.get(variable) ?? opts.weights };
  });
  return reportFromData(variables, coders, opts);
}

/** One variable's reliability data and how to analyse it. */
export interface VariableData {
  variable: string;
  /** Units × coders; every variable's data has the same coder columns. */
  data: ReliabilityData;
  level: Level;
  weights: Weights;
}

/**
 * The pooled reliability data: the variables' units one after the other (each (document,
 * variable) a unit), their categories kept apart (variable i's category c is c + the number of
 * categories before it). One pass over the values.
 */
export function poolData(variables: readonly VariableData[]): ReliabilityData {
  const coders = variables[0]?.data.coders ?? 0;
  let units = 0;
  for (const v of variables) units += v.data.units;
  const values = new Int32Array(units * coders);
  const categories: string[] = [];
  let at = 0;
  for (const { variable, data } of variables) {
    const offset = categories.length;
    const source = data.values;
    for (let i = 0; i < source.length; i++) {
      const x = source[i]!;
      values[at + i] = x === MISSING ? MISSING : x + offset;
    }
    at += source.length;
    for (const c of data.categories) categories.push(`${variable}\u0000${c}`);
  }
  return { units, coders, values, categories, numeric: new Float64Array(categories.length).fill(Number.NaN) };
}

/**
 * The report from prepared reliability data (the CLI streams large files straight into it). With
 * one nominal, unweighted variable the pooled row is that variable's row: its data is the pooled
 * data, so it is not computed twice.
 */
export function reportFromData(variables: readonly VariableData[], coders: readonly string[], options: Pick<AgreementOptions, 'level' | 'weights' | 'bootstrap' | 'seed' | 'weightScale'> = {}): AgreementReport {
  const opts = { level: options.level ?? 'nominal', weights: options.weights ?? 'none', bootstrap: options.bootstrap ?? 0, seed: options.seed ?? 1, weightScale: options.weightScale ?? 'rank' } as const;
  const rows = variables.map((v) => analyse(v.variable, v.data, { ...opts, level: v.level, weights: v.weights }));
  const only = variables.length === 1 && variables[0]!.level === 'nominal' && variables[0]!.weights === 'none' ? rows[0]! : null;
  // Distances between values of different variables mean nothing, so pooling is nominal.
  const pooled = only
    ? { ...only, variable: '(pooled)', notes: [...only.notes], ci95: { ...only.ci95 } }
    : analyse('(pooled)', poolData(variables), { ...opts, level: 'nominal', weights: 'none' });
  if (rows.some((v) => v.level !== 'nominal' || v.weights !== 'none')) pooled.notes.push({ code: 'pooled-nominal' });
  pooled.categories = [];
  pooled.confusion = null;
  return { variables: rows, pooled, coders: [...coders], level: opts.level, weights: opts.weights };
}
