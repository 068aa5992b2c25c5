/**
 * Input of `overens suggest`: the long codings mapped onto a codebook (the given one, or one made
 * from the codings: each variable with the values it has there), and the documents of a folder
 * extracted as the app imports them. Problems name the file and line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CodebookTemplate, formatIssues, type Variable } from '../core';
import type { TrainingJudgement } from '../core/assist';
import { parseCodingsCsv, type CodingRow } from '../formats/stats-csv';
import { extractDocument, warningInEnglish, type ExtractDeps } from '../ingest';
import { extractDeps } from './extract-file';
import type { CliIo } from './io';
import { failOnProblems, InputError, readTextFile } from './read-input';

export interface LabelledCodebook {
  variables: Variable[];
  /** How the codings file names each variable and value (by id), for the output. */
  variableLabel: Map<string, string>;
  valueLabel: Map<string, string>;
}

export async function readCodebook(file: string): Promise<Variable[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readTextFile(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const template = CodebookTemplate.safeParse(json);
  if (!template.success) throw new InputError(`${file}: not a valid codebook:\n${formatIssues(template.error.issues).map((l) => `  ${l}`).join('\n')}`);
  return template.data.content.variables;
}

const names = (x: { id: string; key: string; label: { sv?: string; en?: string } }) => [x.label.sv, x.label.en, x.key, x.id];

/** A codebook made from the codings alone: variables and values as they are named there, no terms. */
function codebookFromCodings(rows: readonly CodingRow[]): Variable[] {
  const variables = new Map<string, Variable>();
  for (const r of rows) {
    if (!r.value) continue;
    let v = variables.get(r.variable);
    if (!v) {
      const n = variables.size + 1;
      v = { id: `v${n}`, key: `v${n}`, label: { sv: r.variable }, description: {}, codingRule: {}, kind: 'single', level: 'nominal', values: [] };
      variables.set(r.variable, v);
    }
    if (!v.values.some((x) => x.label.sv === r.value)) {
      const k = v.values.length + 1;
      v.values.push({ id: `${v.id}.${k}`, key: `x${k}`, label: { sv: r.value }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#1f77b4', absent: false });
    }
  }
  return [...variables.values()];
}

export interface TrainingCodings {
  codebook: LabelledCodebook;
  judgements: TrainingJudgement[];
  /** Documents the codings cover (their names as in the file). */
  documents: Set<string>;
}

/** Reads the codings and maps them onto the codebook; unknown variables and values are problems with line numbers. */
export async function readTrainingCodings(file: string, codebookFile: string | undefined): Promise<TrainingCodings> {
  const parsed = parseCodingsCsv(await readTextFile(file));
  failOnProblems(file, parsed.problems);
  const coded = parsed.rows.filter((r) => r.value);
  if (coded.length === 0) throw new InputError(`${file}: no codings to learn from (${parsed.rows.length ? 'every value is empty' : 'only a header'})`);
  const variables = codebookFile ? await readCodebook(codebookFile) : codebookFromCodings(coded);
  const variableLabel = new Map<string, string>();
  const valueLabel = new Map<string, string>();
  const problems: { line: number; message: string }[] = [];
  const mapped: { row: CodingRow; variableId: string; valueId: string }[] = [];
  for (const row of coded) {
    const variable = variables.find((v) => names(v).includes(row.variable));
    if (!variable) {
      problems.push({ line: row.line, message: `variable "${row.variable}" is not in ${codebookFile}` });
      continue;
    }
    const value = variable.values.find((x) => names(x).includes(row.value!));
    if (!value) {
      problems.push({ line: row.line, message: `"${row.value}" is not a value of variable "${row.variable}" in ${codebookFile} (values: ${variable.values.map((x) => `"${x.label.sv ?? x.label.en ?? x.key}"`).join(', ')})` });
      continue;
    }
    if (!variableLabel.has(variable.id)) variableLabel.set(variable.id, row.variable);
    if (!valueLabel.has(value.id)) valueLabel.set(value.id, row.value!);
    mapped.push({ row, variableId: variable.id, valueId: value.id });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `${file}:${p.line}: ${p.message}`);
    throw new InputError([...shown, ...(problems.length > 20 ? [`… and ${problems.length - 20} more`] : [])].join('\n'));
  }
  for (const v of variables) {
    if (!variableLabel.has(v.id)) variableLabel.set(v.id, v.label.sv ?? v.label.en ?? v.key);
    for (const x of v.values) if (!valueLabel.has(x.id)) valueLabel.set(x.id, x.label.sv ?? x.label.en ?? x.key);
  }
  // Several coders on one document and variable: each judgement weighs 1/n.
  const coders = new Map<string, number>();
  for (const m of mapped) coders.set(`${m.row.document}\u0000${m.variableId}`, (coders.get(`${m.row.document}\u0000${m.variableId}`) ?? 0) + 1);
  const judgements = mapped.map((m) => ({ documentId: m.row.document, variableId: m.variableId, valueId: m.valueId, weight: 1 / coders.get(`${m.row.document}\u0000${m.variableId}`)! }));
  return { codebook: { variables, variableLabel, valueLabel }, judgements, documents: new Set(parsed.rows.map((r) => r.document)) };
}

export interface FolderText {
  name: string;
  file: string;
  text: string | null;
  /** Why there is no text (English), when `text` is null. */
  problem?: string;
}

/** Every file of the folder (not hidden, not `skip`), extracted as the app imports it, sorted by name. */
export async function readFolderTexts(folder: string, skip: readonly string[], io: CliIo): Promise<FolderText[]> {
  let entries: string[];
  try {
    if (!(await stat(folder)).isDirectory()) throw new InputError(`${folder}: not a folder (--texts needs a folder of documents)`);
    entries = await readdir(folder);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${folder}: no such folder (--texts)`);
  }
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  let deps: ExtractDeps | undefined;
  const out: FolderText[] = [];
  for (const name of entries.sort()) {
    const file = path.join(folder, name);
    if (name.startsWith('.') || skipped.has(path.resolve(file))) continue;
    if (!(await stat(file)).isFile()) continue;
    deps ??= await extractDeps();
    const result = await extractDocument({ fileName: file, bytes: new Uint8Array(await readFile(file)) }, deps);
    if (!result.ok) {
      out.push({ name, file, text: null, problem: result.error.message.en });
      continue;
    }
    for (const w of result.document.warnings) io.stderr.write(`${file}: ${warningInEnglish(w)}\n`);
    const text = result.document.text;
    out.push(text.trim() ? { name, file, text } : { name, file, text: null, problem: `${file}: no text could be extracted (scanned without a text layer, or empty)` });
  }
  return out;
}
