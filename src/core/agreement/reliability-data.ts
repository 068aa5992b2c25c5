/**
 * Reliability data: units (e.g. document × variable) × coders, each cell a category or missing.
 * Categories are integer codes 0…q−1 in a dense Int32Array (unit-major, −1 = missing), so the
 * coefficients run in one linear pass even on millions of units.
 */

export const MISSING = -1;

export interface ReliabilityData {
  /** Number of units (rows). */
  units: number;
  /** Number of coders (columns). */
  coders: number;
  /** values[u * coders + c] = category index, or MISSING. */
  values: Int32Array;
  /** Category labels, index = code. Ordinal order is this order. */
  categories: string[];
  /** Numeric value of each category, for interval/ratio metrics (NaN where not numeric). */
  numeric: Float64Array;
}

export interface Coding {
  unit: string;
  coder: string;
  /** The category; null/empty = not coded. */
  value: string | null;
}

export interface BuildOptions {
  /** Category order (ordinal). Values not listed are appended in order of first appearance. */
  categoryOrder?: readonly string[];
  /** Coder order (columns); others appended. */
  coderOrder?: readonly string[];
  /** Numeric score per category (interval/ratio metrics); otherwise a label that is a number counts as one. */
  scores?: ReadonlyMap<string, number>;
}

export interface BuiltData {
  data: ReliabilityData;
  unitIds: string[];
  coderIds: string[];
}

/** Build dense reliability data from long-format codings. Later duplicates overwrite earlier ones. */
export function buildReliabilityData(codings: readonly Coding[], options: BuildOptions = {}): BuiltData {
  const unitIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  const categoryIndex = new Map<string, number>();
  for (const c of options.coderOrder ?? []) if (!coderIndex.has(c)) coderIndex.set(c, coderIndex.size);
  for (const c of options.categoryOrder ?? []) if (!categoryIndex.has(c)) categoryIndex.set(c, categoryIndex.size);
  for (const c of codings) {
    if (!unitIndex.has(c.unit)) unitIndex.set(c.unit, unitIndex.size);
    if (!coderIndex.has(c.coder)) coderIndex.set(c.coder, coderIndex.size);
    if (c.value !== null && c.value !== '' && !categoryIndex.has(c.value)) categoryIndex.set(c.value, categoryIndex.size);
  }
  const units = unitIndex.size;
  const coders = coderIndex.size;
  const values = new Int32Array(units * coders).fill(MISSING);
  for (const c of codings) {
    const u = unitIndex.get(c.unit)!;
    const r = coderIndex.get(c.coder)!;
    values[u * coders + r] = c.value === null || c.value === '' ? MISSING : categoryIndex.get(c.value)!;
  }
  const categories = [...categoryIndex.keys()];
  const numeric = Float64Array.from(categories, (label) => options.scores?.get(label) ?? (label.trim() !== '' && Number.isFinite(Number(label)) ? Number(label) : Number.NaN));
  return { data: { units, coders, values, categories, numeric }, unitIds: [...unitIndex.keys()], coderIds: [...coderIndex.keys()] };
}

/** Sort numeric categories numerically (for ordinal/interval/ratio data given as numbers). */
export function numericCategoryOrder(labels: Iterable<string>): string[] | null {
  const list = [...new Set(labels)];
  if (list.some((l) => !Number.isFinite(Number(l)) || l.trim() === '')) return null;
  return list.sort((a, b) => Number(a) - Number(b));
}

/** Keep only the given coder columns (e.g. the two coders of a Cohen's κ). */
export function selectCoders(data: ReliabilityData, columns: readonly number[]): ReliabilityData {
  const values = new Int32Array(data.units * columns.length);
  for (let u = 0; u < data.units; u++) {
    for (let j = 0; j < columns.length; j++) values[u * columns.length + j] = data.values[u * data.coders + columns[j]!]!;
  }
  return { ...data, coders: columns.length, values };
}
