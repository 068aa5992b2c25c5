/**
 * From scanned long codings to the reliability data of each variable, analysed as the app's
 * Reliability view analyses its judgements (renderer/views/reliability/analysis.ts):
 * - coders: the ones named (in that order), else every coder but the consensus coder
 *   (`coder_kind` consensus);
 * - documents: all, or (`shared`) those every chosen coder judged, or (`sample`) those of them in
 *   the reliability sample (attribute `urval` not empty);
 * - each variable at its level of measurement with the codebook's value order and count (the
 *   export's `variable_level`, `value_code`, `value_count` columns, or a codebook), its numeric
 *   scores from a codebook; without either, a variable whose values are all numbers is numeric
 *   ("1" = "1.0") and ordered by number;
 * - a multi-valued variable (`variable_kind` multi, or the codebook's kind) as one yes/no variable
 *   per value, "Variable: Value", categories "1" (chosen) and "0"; thematic and derived variables
 *   are left out, as in the app.
 */
import type { CodebookContent, Variable } from '../core';
import { MISSING, type Level, type ReliabilityData, type VariableData, type Weights } from '../core/agreement';
import type { CsvProblem } from './csv-table';
import type { ScannedCodings } from './codings-scan';

export type DocumentScope = 'all' | 'shared' | 'sample';
export const SAMPLE_ATTRIBUTE = 'urval';
const LEVELS: readonly string[] = ['nominal', 'ordinal', 'interval', 'ratio'];
/** Separator of a multi-valued judgement's labels and codes in the app's long export. */
const JOIN = '; ';

export interface AgreementInputOptions {
  /** The codebook the codings follow (the shipped JSON or a .qdc read into a template). */
  codebook?: CodebookContent;
  /** Only these coders, in this order (the consensus coder only when named). */
  coders?: readonly string[];
  scope?: DocumentScope;
  /** One level for every variable (else each variable's own, else nominal). */
  level?: Level;
  /** Weights of Cohen's κ for variables that are not nominal. */
  weights?: Weights;
}

export interface AgreementInput {
  variables: VariableData[];
  coders: string[];
  /** What the reader decided (left out coders, variables, documents); for stderr. */
  notes: string[];
  problems: CsvProblem[];
  documents: number;
}

/** How one variable's raw values become categories. */
interface Spec {
  name: string;
  kind: 'single' | 'multi' | 'thematic' | 'derived';
  /** The declared level (codebook or column). */
  level?: Level;
  /** Category names in order (all of the codebook's values), when known. */
  categories?: string[];
  /** Raw value → category indices (several for a multi-valued judgement), or null if unknown. */
  categoryOf: (raw: string) => number[] | null;
  numeric: Float64Array | null;
  /** Whether the order is known (codebook, codes, or numbers). */
  ordered: boolean;
  /** Whether every category has a number (interval/ratio). */
  hasNumbers: boolean;
  /** Where the variable's description came from, for messages. */
  source: 'codebook' | 'columns' | 'data';
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');

function findVariable(content: CodebookContent, name: string): Variable | undefined {
  const n = norm(name);
  return content.variables.find((v) => [v.label.sv, v.label.en, v.key, v.id].some((x) => x !== undefined && norm(x) === n));
}

function codebookSpec(name: string, v: Variable): Spec {
  const labelsFor = (x: Variable['values'][number]) => [x.label.sv, x.label.en, x.key, x.id].filter((s): s is string => s !== undefined).map(norm);
  const index = new Map<string, number>();
  v.values.forEach((x, i) => {
    for (const l of labelsFor(x)) if (!index.has(l)) index.set(l, i);
  });
  const svName = v.label.sv !== undefined && norm(v.label.sv) === norm(name);
  const categories = v.values.map((x) => (svName ? (x.label.sv ?? x.label.en) : (x.label.en ?? x.label.sv)) ?? x.key);
  const scores = v.values.map((x) => x.score);
  const numeric = Float64Array.from(v.values, (_, i) => scores[i] ?? (Number.isFinite(Number(categories[i])) && categories[i]!.trim() !== '' ? Number(categories[i]) : Number.NaN));
  return {
    name,
    kind: v.derived ? 'derived' : v.kind,
    level: v.level,
    categories,
    categoryOf: (raw) => {
      const whole = index.get(norm(raw));
      if (whole !== undefined) return [whole];
      if (v.kind !== 'multi') return null;
      const parts = raw.split(JOIN).map((p) => index.get(norm(p)));
      return parts.every((p) => p !== undefined) ? (parts as number[]) : null;
    },
    numeric,
    ordered: true,
    hasNumbers: numeric.every((x) => Number.isFinite(x)),
    source: 'codebook',
  };
}

function columnSpec(name: string, scan: ScannedCodings, v: number, problems: CsvProblem[]): Spec | null {
  const meta = scan.meta[v]!;
  if (meta.count === undefined && meta.codes.size === 0 && meta.kind === undefined && meta.level === undefined) return null;
  const kind = (['single', 'multi', 'thematic'] as const).find((k) => k === meta.kind) ?? 'single';
  if (meta.kind !== undefined && meta.kind !== kind) problems.push({ message: `variable "${name}": variable_kind "${meta.kind}" is not single, multi or thematic` });
  let level: Level | undefined;
  if (meta.level !== undefined) {
    if (LEVELS.includes(meta.level)) level = meta.level as Level;
    else problems.push({ message: `variable "${name}": variable_level "${meta.level}" is not nominal, ordinal, interval or ratio` });
  }
  const count = meta.count;
  if (count === undefined) return null;
  const codeOf = new Map<string, number[]>();
  const categories = Array.from({ length: count }, (_, i) => `(value ${i + 1})`);
  for (const [label, code] of meta.codes) {
    const codes = code.split(JOIN).map((c) => Number(c));
    if (codes.some((c) => !Number.isInteger(c) || c < 1 || c > count)) {
      problems.push({ message: `variable "${name}": value "${label}" has value_code "${code}", not a whole number from 1 to ${count} (value_count)` });
      continue;
    }
    codeOf.set(label, codes.map((c) => c - 1));
    const parts = codes.length === 1 ? [label] : label.split(JOIN);
    if (parts.length === codes.length) codes.forEach((c, i) => (categories[c - 1] = parts[i]!));
  }
  const numeric = Float64Array.from(categories, (c) => (c.trim() !== '' && Number.isFinite(Number(c)) ? Number(c) : Number.NaN));
  return { name, kind, level, categories, categoryOf: (raw) => codeOf.get(raw) ?? null, numeric, ordered: true, hasNumbers: numeric.every((x) => Number.isFinite(x)), source: 'columns' };
}

/** From the values alone: numbers are one category per number, ordered by it; labels in order of appearance. */
function dataSpec(name: string, values: readonly string[]): Spec {
  const numbers = values.length > 0 && values.every((x) => x.trim() !== '' && Number.isFinite(Number(x)));
  if (!numbers) {
    const index = new Map(values.map((x, i) => [x, i]));
    return { name, kind: 'single', categories: [...values], categoryOf: (raw) => [index.get(raw)!], numeric: null, ordered: false, hasNumbers: false, source: 'data' };
  }
  const distinct = [...new Set(values.map((x) => Number(x)))].sort((a, b) => a - b);
  const index = new Map(distinct.map((x, i) => [x, i]));
  return { name, kind: 'single', categories: distinct.map(String), categoryOf: (raw) => [index.get(Number(raw))!], numeric: Float64Array.from(distinct), ordered: true, hasNumbers: true, source: 'data' };
}

export function agreementInput(scan: ScannedCodings, options: AgreementInputOptions = {}): AgreementInput {
  const notes: string[] = [];
  const problems: CsvProblem[] = [];
  const coderNames = scan.coders.names;

  // Coders.
  let chosen: number[];
  if (options.coders) {
    chosen = [];
    for (const name of options.coders) {
      const i = scan.coders.find(name);
      if (i === undefined) problems.push({ message: `--coders: no coder "${name}" in the file (coders: ${coderNames.join(', ') || 'none'})` });
      else if (chosen.includes(i)) problems.push({ message: `--coders: "${name}" is named twice` });
      else chosen.push(i);
    }
  } else {
    // Raters are the human coders: the consensus coder and the final dataset's rows (coder_kind
    // final, the app's export) are not judgements of an independent coder.
    const notRater = (i: number) => scan.coderKind.get(i) === 'consensus' || scan.coderKind.get(i) === 'final';
    chosen = coderNames.map((_, i) => i).filter((i) => !notRater(i));
    const left = coderNames.filter((_, i) => scan.coderKind.get(i) === 'consensus');
    const finals = coderNames.filter((_, i) => scan.coderKind.get(i) === 'final');
    if (finals.length) notes.push(`left out the final dataset's rows (coder ${finals.map((n) => `"${n}"`).join(', ')}, coder_kind final)`);
    if (left.length) notes.push(`left out the consensus coder ${left.map((n) => `"${n}"`).join(', ')} (coder_kind consensus); name it in --coders to count it as a rater`);
    else if (!scan.columns.coderKind) {
      const suspicious = coderNames.filter((n) => /^(konsensus|consensus)$/i.test(n));
      if (suspicious.length) notes.push(`coder "${suspicious[0]}" is counted as a rater (the file has no coder_kind column); if it is the app's consensus coder, leave it out with --coders`);
    }
  }
  const column = new Int32Array(scan.coders.size).fill(-1);
  chosen.forEach((c, i) => (column[c] = i));
  const m = chosen.length;

  // Variables: from the codebook, else the export's columns; the rest from their values (below).
  const fromData = '\u0000data';
  const specs: (Spec | null)[] = scan.variables.names.map((name, v) => {
    if (options.codebook) {
      const found = findVariable(options.codebook, name);
      if (found) return codebookSpec(name, found);
      problems.push({ message: `variable "${name}" is not in the codebook (--codebook)` });
      return null;
    }
    return columnSpec(name, scan, v, problems) ?? { ...dataSpec(name, []), name: fromData + name };
  });
  const { document, coder, variable, value, line } = scan.rows;
  const rows = document.length;

  for (const spec of specs) {
    if (spec?.kind === 'thematic' || spec?.kind === 'derived') notes.push(`left out "${spec.name}": a ${spec.kind} variable (the app's reliability table leaves ${spec.kind} variables out)`);
  }
  const analysed = (v: number) => specs[v] !== null && (specs[v]!.kind === 'single' || specs[v]!.kind === 'multi');

  // Documents in scope: every chosen coder judged them (any analysed variable), and in the sample.
  const scope = options.scope ?? 'all';
  const inScope = new Uint8Array(scan.documents.size).fill(1);
  if (scope !== 'all') {
    const judged = new Uint8Array(scan.documents.size * Math.max(1, m));
    for (let r = 0; r < rows; r++) {
      const col = column[coder.get(r)]!;
      if (col === -1 || value.get(r) === -1 || !analysed(variable.get(r))) continue;
      judged[document.get(r) * m + col] = 1;
    }
    const sample = scan.attributes.get(SAMPLE_ATTRIBUTE);
    if (scope === 'sample' && !sample) problems.push({ message: `--scope sample needs the column "${SAMPLE_ATTRIBUTE}" (the reliability sample) in the file` });
    for (let d = 0; d < scan.documents.size; d++) {
      let all = m > 0;
      for (let c = 0; c < m && all; c++) all = judged[d * m + c] === 1;
      inScope[d] = all && (scope !== 'sample' || (sample?.has(d) ?? false)) ? 1 : 0;
    }
  }

  // Units per variable: the documents in scope with a value from a chosen coder.
  const V = scan.variables.size;
  const unitOf: (Int32Array | null)[] = Array.from({ length: V }, () => null);
  const unitCount = new Int32Array(V);
  const documentsUsed = new Uint8Array(scan.documents.size);
  const used: (Uint8Array | undefined)[] = [];
  for (let r = 0; r < rows; r++) {
    const v = variable.get(r);
    if (!analysed(v) || value.get(r) === -1 || column[coder.get(r)] === -1) continue;
    const d = document.get(r);
    if (!inScope[d]) continue;
    const units = (unitOf[v] ??= new Int32Array(scan.documents.size).fill(-1));
    if (units[d] === -1) units[d] = unitCount[v]!++;
    documentsUsed[d] = 1;
    (used[v] ??= new Uint8Array(scan.values[v]!.size))[value.get(r)] = 1;
  }
  // A variable described by nothing but its values: the values the chosen coders gave, in order of appearance.
  specs.forEach((spec, v) => {
    if (spec?.name.startsWith(fromData)) specs[v] = dataSpec(spec.name.slice(fromData.length), scan.values[v]!.names.filter((_, i) => used[v]?.[i] === 1));
  });
  // Raw value → categories, per variable (once per distinct value).
  const categoriesOf = specs.map((spec, v) =>
    !spec
      ? []
      : scan.values[v]!.names.map((raw, i) => {
          if (spec.source === 'data' && used[v]?.[i] !== 1) return [];
          const found = spec.categoryOf(raw);
          if (found === null) problems.push({ line: firstLine(scan, v, raw), message: `value "${raw}" of "${spec.name}" is not ${spec.source === 'codebook' ? 'a value of this variable in the codebook' : 'listed with a value_code'}` });
          return found ?? [];
        }),
  );

  const variables: VariableData[] = [];
  let weightedNominal = false;
  for (let v = 0; v < V; v++) {
    const spec = specs[v];
    if (!spec || !analysed(v)) continue;
    const units = unitCount[v]!;
    const of = categoriesOf[v]!;
    // The coders' judgements: one category (single) or a set (multi) per unit and coder.
    const cell = new Int32Array(units * m).fill(MISSING);
    const cellRow = new Int32Array(units * m).fill(-1);
    const sets = spec.kind === 'multi' ? new Map<number, Set<number>>() : null;
    const map = unitOf[v];
    if (map) {
      for (let r = 0; r < rows; r++) {
        if (variable.get(r) !== v) continue;
        const x = value.get(r);
        const col = column[coder.get(r)]!;
        if (x === -1 || col === -1) continue;
        const u = map[document.get(r)]!;
        if (u === -1) continue;
        const at = u * m + col;
        const cats = of[x]!;
        if (cats.length === 0) continue;
        if (sets) {
          const set = sets.get(at) ?? new Set<number>();
          for (const k of cats) set.add(k);
          sets.set(at, set);
        } else if (cellRow[at] !== -1) {
          problems.push({ line: line.get(r), message: `duplicate row: coder "${coderNames[coder.get(r)]}" already coded "${spec.name}" for document "${scan.documents.names[document.get(r)]}" on line ${line.get(cellRow[at]!)}` });
        } else {
          cell[at] = cats[0]!;
          cellRow[at] = r;
        }
      }
    }
    if (sets) {
      const names = spec.categories ?? [];
      const chosenAny = new Set<number>();
      for (const s of sets.values()) for (const k of s) chosenAny.add(k);
      for (let k = 0; k < names.length; k++) {
        if (spec.source !== 'codebook' && !chosenAny.has(k)) {
          notes.push(`"${spec.name}": value ${k + 1} of ${names.length} was chosen by no coder; its yes/no row needs --codebook (its label is not in the file)`);
          continue;
        }
        const values = new Int32Array(units * m).fill(MISSING);
        for (const [at, set] of sets) values[at] = set.has(k) ? 0 : 1;
        variables.push({ variable: `${spec.name}: ${names[k]}`, data: { units, coders: m, values, categories: ['1', '0'], numeric: Float64Array.from([1, 0]) }, level: 'nominal', weights: 'none' });
      }
      continue;
    }
    const level = options.level ?? spec.level ?? 'nominal';
    const declared = options.level !== undefined || spec.level !== undefined;
    let weights: Weights = options.weights ?? 'none';
    if (weights !== 'none' && declared && level === 'nominal') {
      weights = 'none';
      weightedNominal = true;
    }
    const what = level !== 'nominal' ? `--level ${level}` : `--weights ${weights}`;
    const numbersNeeded = level === 'interval' || level === 'ratio';
    if (numbersNeeded ? !spec.hasNumbers : (level !== 'nominal' || weights !== 'none') && !spec.ordered) {
      const bad = spec.categories?.find((c) => c.trim() === '' || !Number.isFinite(Number(c))) ?? '';
      const line = spec.source === 'data' ? firstLine(scan, v, bad) : firstValueLine(scan, v);
      problems.push({
        line,
        message: `value "${bad}" of "${spec.name}" is not a number; ${what} needs numeric values ${numbersNeeded ? "or the codebook's scores of the values (--codebook)" : "or the codebook's value order (the app's export columns value_code and value_count, or --codebook)"}`,
      });
      continue;
    }
    const categories = spec.categories ?? [];
    const data: ReliabilityData = { units, coders: m, values: cell, categories, numeric: spec.numeric ?? new Float64Array(categories.length).fill(Number.NaN) };
    variables.push({ variable: spec.name, data, level, weights });
  }
  if (weightedNominal) notes.push(`--weights ${options.weights} applies to ordinal, interval and ratio variables; nominal ones are never weighted (as in the app)`);
  if (scope !== 'all') notes.push(`${documentsUsed.reduce((n, x) => n + x, 0)} of ${scan.documents.size} documents analysed (--scope ${scope})`);
  return { variables, coders: chosen.map((c) => coderNames[c]!), notes, problems, documents: documentsUsed.reduce((n, x) => n + x, 0) };
}

function firstLine(scan: ScannedCodings, v: number, raw: string): number | undefined {
  const x = scan.values[v]!.find(raw);
  for (let r = 0; r < scan.rows.document.length; r++) if (scan.rows.variable.get(r) === v && scan.rows.value.get(r) === x) return scan.rows.line.get(r);
  return undefined;
}

function firstValueLine(scan: ScannedCodings, v: number): number | undefined {
  const bad = scan.values[v]!.names.find((x) => x.trim() === '' || !Number.isFinite(Number(x)));
  return bad === undefined ? undefined : firstLine(scan, v, bad);
}
