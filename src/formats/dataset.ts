/**
 * Coded datasets for statistics packages (R, SPSS, Stata):
 * - long CSV: `document,coder,variable,value`, with the final dataset (the default in the app) a
 *   `provenance` column, then what the statistics CLI needs to analyse it as the app does
 *   (`coder_kind` human/consensus/final; the codebook's `variable_kind`, `variable_level`,
 *   `value_code` = the value's position 1…k in the codebook's order and `value_count` = k; with
 *   the project's versions `codebook_version`, the version number of each row; with the final
 *   dataset `origin`, how each coder's value was set) and the document
 *   attributes — the input of `overens agreement` and `overens prevalence`; a
 *   multi-valued judgement is one row, its labels and codes joined by "; ". With the final dataset
 *   it holds every coder's rows (provenance empty for a human coder; `consensus`, or `reopened` for
 *   a consensus that no longer counts, for the consensus coder) and then one row per agreement and
 *   variable of the final dataset under the coder `final`, whose provenance says where the value
 *   came from (`consensus`, `agreed`, `single`, `unresolved`, `unjudged`, `derived`), so a study can
 *   be reproduced from this file alone;
 * - wide CSV/XLSX: one row per agreement of the final dataset (or per document and coder for one
 *   coder's or every coder's judgements), one numeric column per variable (value codes 1…k in
 *   codebook order, empty = not coded), a 0/1 indicator column per value and — for the final
 *   dataset — a `<key>__prov` column with each value's provenance, plus the attributes; a codebook
 *   sheet documents every column and code;
 *
 * Linked twins (two files of one agreement) are one row: the agreement's own file names it and
 * gives its attributes.
 * - long XLSX: the long CSV's columns in one sheet;
 * - segments CSV/XLSX: every coded passage with its position, page and quote;
 * - SPSS syntax with variable and value labels for the wide file.
 */
import ExcelJS from 'exceljs';
import { localize, type CodebookContent, type Coder, type DocumentMeta, type Judgement, type Language, type Segment } from '../core';
import { FINAL_CODER_NAME, type FinalDataset } from '../core/final-dataset';
import { unitOf } from '../core/units';
import { csvField } from './csv-safe';

export interface DatasetInput {
  content: CodebookContent;
  documents: readonly DocumentMeta[];
  coders: readonly Coder[];
  judgements: readonly Judgement[];
  lang: Language;
  /** The final dataset (src/core/final-dataset.ts): its rows are written, as described above. */
  final?: FinalDataset;
  /** Only this coder's judgements (and no final rows). */
  coderId?: string;
  /**
   * The project's codebook version numbers by id, and the one the labels (and the final dataset)
   * come from: adds the `codebook_version` column (each judgement's version; the final rows' is
   * `current`), so an analysis can take one version (`overens … --version N`).
   */
  versions?: { numbers: ReadonlyMap<string, number>; current: number };
}

/** Cells are quoted where needed and neutralised against formula injection (csv-safe.ts, OWASP). */
const csv = (rows: readonly (readonly (string | number | null | undefined)[])[]) => rows.map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n';

/** Document key in exports: the file name, with the version when there are several. */
export function documentKey(d: DocumentMeta): string {
  return d.version > 1 ? `${d.fileName} (v${d.version})` : d.fileName;
}

function attributeNames(documents: readonly DocumentMeta[]): string[] {
  return [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))].sort();
}

/** A one-sheet workbook: a bold header row, then the rows (numbers stay numbers, null = empty). */
async function sheetXlsx(name: string, table: readonly (readonly (string | number | null)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header = [], ...rows] = table;
  sheet.addRow([...header]).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The long export's columns after `value`: who coded (human or consensus) and the codebook's variable and value. */
export const LONG_CODEBOOK_COLUMNS = ['coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count'] as const;
/** After them, with `versions`: the codebook version number of the row. */
export const LONG_VERSION_COLUMN = 'codebook_version';
/**
 * Then, in the app's exports (with the final dataset): how a coder's value was set — `explicit`,
 * `suggestion` (from the coder's coded passages) or `proposal` (an accepted proposal of the assist
 * model); empty on the final rows.
 */
export const LONG_ORIGIN_COLUMN = 'origin';

export function longCsv(input: DatasetInput): string {
  return csv(longTable(input));
}

/** The long dataset as XLSX (sheet "codings"), the same columns as the CSV. */
export function longXlsx(input: DatasetInput): Promise<Uint8Array> {
  return sheetXlsx('codings', longTable(input));
}

function longTable(input: DatasetInput): (string | null)[][] {
  const attrs = attributeNames(input.documents);
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const variables = new Map(input.content.variables.map((v) => [v.id, v]));
  // The provenance column comes with the final dataset (the app's exports); without it (e.g. `overens convert`) the columns stay as they were.
  const withProvenance = input.final !== undefined;
  const versions = input.versions;
  const rows: (string | null)[][] = [['document', 'coder', 'variable', 'value', ...(withProvenance ? ['provenance'] : []), ...LONG_CODEBOOK_COLUMNS, ...(versions ? [LONG_VERSION_COLUMN] : []), ...(withProvenance ? [LONG_ORIGIN_COLUMN] : []), ...attrs]];
  const versionCell = (id: string | null) => (versions ? [String(id === null ? versions.current : (versions.numbers.get(id) ?? ''))] : []);
  type V = NonNullable<ReturnType<typeof variables.get>>;
  const positions = (v: V, ids: readonly string[]) => ids.map((id) => v.values.findIndex((x) => x.id === id)).filter((i) => i >= 0);
  const labels = (v: V, ids: readonly string[]) => positions(v, ids).map((i) => localize(v.values[i]!.label, input.lang)).filter(Boolean).join('; ') || null;
  // coder_kind, variable_kind, variable_level, value_code, value_count.
  const codebookCells = (kind: string, v: V, ids: readonly string[]) => [kind, v.kind, v.level, positions(v, ids).map((i) => String(i + 1)).join('; ') || null, String(v.values.length)];
  const cell = (unit: string, variableId: string) => input.final?.byUnit.get(unit)?.get(variableId);
  // In document order (by name), coders in their order, variables in codebook order.
  const coderRank = new Map(input.coders.map((c, i) => [c.id, i]));
  const variableRank = new Map(input.content.variables.map((v, i) => [v.id, i]));
  const byName = (a: string, b: string) => documentKey(docs.get(a)!).localeCompare(documentKey(docs.get(b)!), 'sv');
  const kept = collapsed(input).filter((j) => docs.has(j.documentId));
  // The app's exports (with the final dataset) are sorted; a conversion keeps its input's order.
  const ordered = !withProvenance
    ? kept
    : kept.sort((a, b) => byName(a.documentId, b.documentId) || (coderRank.get(a.coderId) ?? 0) - (coderRank.get(b.coderId) ?? 0) || (variableRank.get(a.variableId) ?? 0) - (variableRank.get(b.variableId) ?? 0));
  for (const j of ordered) {
    const d = docs.get(j.documentId);
    const v = variables.get(j.variableId);
    if (!d || !v) continue;
    const coder = coders.get(j.coderId);
    // A consensus that a changed judgement re-opened is not part of the final dataset: marked, so a reader can leave it out.
    const provenance = coder?.kind === 'consensus' ? (cell(d.id, v.id)?.reopened && cell(d.id, v.id)?.provenance !== 'consensus' ? 'reopened' : 'consensus') : null;
    rows.push([documentKey(d), coder?.name ?? j.coderId, localize(v.label, input.lang), labels(v, j.valueIds), ...(withProvenance ? [provenance] : []), ...codebookCells(coder?.kind ?? 'human', v, j.valueIds), ...versionCell(j.codebookVersionId), ...(withProvenance ? [j.origin] : []), ...attrs.map((a) => d.attributes[a] ?? null)]);
  }
  if (input.final && input.coderId === undefined) {
    for (const u of [...input.final.units].filter((x) => docs.has(x.id)).sort((a, b) => byName(a.id, b.id))) {
      const d = docs.get(u.id);
      if (!d) continue;
      for (const v of input.final.variables) {
        const c = input.final.byUnit.get(u.id)?.get(v.id);
        if (!c) continue;
        rows.push([documentKey(d), FINAL_CODER_NAME, localize(v.label, input.lang), labels(v, c.valueIds), c.provenance, ...codebookCells('final', v, c.valueIds), ...versionCell(null), null, ...attrs.map((a) => d.attributes[a] ?? null)]);
      }
    }
  }
  return rows;
}

/**
 * The judgements with values or not, one per agreement, coder and variable: a judgement on a
 * linked twin counts for its agreement (the agreement's own file first), as in the final dataset.
 */
function collapsed(input: DatasetInput): Judgement[] {
  const unit = unitOf(input.documents);
  const groups = new Map<string, Judgement[]>();
  for (const j of input.judgements) {
    if (input.coderId !== undefined && j.coderId !== input.coderId) continue;
    const u = unit.get(j.documentId);
    if (u === undefined) continue;
    const key = `${u}\u0000${j.coderId}\u0000${j.variableId}`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  // Several rows of one file stay (a converted multi-valued coding is one row per value); of two files, one counts.
  return [...groups.values()].flatMap((list) => {
    const u = unit.get(list[0]!.documentId)!;
    const file = list.some((j) => j.documentId === u) ? u : list[0]!.documentId;
    return list.filter((j) => j.documentId === file).map((j) => ({ ...j, documentId: u }));
  });
}

/** Longest column name (SPSS and Stata allow 64 characters; R any). */
export const MAX_COLUMN_NAME = 64;

/**
 * Column names cut to `max` characters and made unique: a name already taken gets "_2", "_3", …
 * within the limit (the cut leaves room for the suffix), case-insensitively (SPSS and Stata do not
 * tell "Lan" from "lan").
 */
export function uniqueColumnNames(names: readonly string[], max = MAX_COLUMN_NAME): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name.slice(0, max);
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name.slice(0, max - String(i).length - 1)}_${i}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

interface WideColumn {
  name: string;
  label: string;
  codes?: { code: number; label: string }[];
}

function wideTable(input: DatasetInput): { columns: WideColumn[]; rows: (string | number | null)[][] } {
  const attrs = attributeNames(input.documents);
  const variables = input.content.variables.filter((v) => v.kind !== 'thematic');
  const final = input.coderId === undefined ? input.final : undefined;
  const columns: WideColumn[] = [
    { name: 'document', label: 'Document (file name)' },
    { name: 'coder', label: 'Coder' },
    ...attrs.map((a) => ({ name: /^[A-Za-z]/.test(a) ? a.replace(/[^A-Za-z0-9_]/g, '_') : `a_${a.replace(/[^A-Za-z0-9_]/g, '_')}`, label: `Attribute: ${a}` })),
  ];
  for (const v of variables) {
    columns.push({ name: v.key, label: localize(v.label, input.lang), codes: v.values.map((x, i) => ({ code: i + 1, label: localize(x.label, input.lang) })) });
    for (const x of v.values) columns.push({ name: `${v.key}__${x.key}`, label: `${localize(v.label, input.lang)}: ${localize(x.label, input.lang)} (0/1)` });
    if (final) columns.push({ name: `${v.key.slice(0, 58)}__prov`, label: `${localize(v.label, input.lang)}: provenance (consensus, agreed, single, unresolved, unjudged, derived)` });
  }
  const unique = uniqueColumnNames(columns.map((c) => c.name));
  columns.forEach((c, i) => (c.name = unique[i]!));
  const byDocCoder = new Map<string, Map<string, readonly string[]>>();
  const provenance = new Map<string, Map<string, string>>();
  const rowsOf = final
    ? final.cells.map((c) => ({ documentId: c.unit, coderId: FINAL_CODER_NAME, variableId: c.variableId, valueIds: c.valueIds, provenance: c.provenance }))
    : collapsed(input).map((j) => ({ ...j, provenance: '' }));
  for (const j of rowsOf) {
    if (final) {
      const p = provenance.get(j.documentId) ?? new Map<string, string>();
      p.set(j.variableId, j.provenance);
      provenance.set(j.documentId, p);
    }
    const key = `${j.documentId}\u0000${j.coderId}`;
    const m = byDocCoder.get(key) ?? new Map<string, readonly string[]>();
    m.set(j.variableId, j.valueIds);
    byDocCoder.set(key, m);
  }
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const rows = [...byDocCoder.entries()]
    .flatMap(([key, values]) => {
      const [documentId, coderId] = key.split('\u0000') as [string, string];
      const d = docs.get(documentId);
      if (!d) return [];
      const row: (string | number | null)[] = [documentKey(d), coders.get(coderId)?.name ?? coderId, ...attrs.map((a) => d.attributes[a] ?? null)];
      for (const v of variables) {
        const chosen = values.get(v.id) ?? [];
        const coded = chosen.length > 0;
        row.push(v.kind === 'single' && coded ? v.values.findIndex((x) => x.id === chosen[0]) + 1 : null);
        for (const x of v.values) row.push(coded ? (chosen.includes(x.id) ? 1 : 0) : null);
        if (final) row.push(provenance.get(documentId)?.get(v.id) ?? null);
      }
      return [row];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv') || String(a[1]).localeCompare(String(b[1]), 'sv'));
  return { columns, rows };
}

export function wideCsv(input: DatasetInput): string {
  const { columns, rows } = wideTable(input);
  return csv([columns.map((c) => c.name), ...rows]);
}

export async function wideXlsx(input: DatasetInput): Promise<Uint8Array> {
  const { columns, rows } = wideTable(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const data = workbook.addWorksheet('data');
  data.addRow(columns.map((c) => c.name)).font = { bold: true };
  for (const r of rows) data.addRow(r);
  const book = workbook.addWorksheet('codebook');
  book.addRow(['column', 'label', 'code', 'value label']).font = { bold: true };
  for (const c of columns) {
    if (!c.codes) book.addRow([c.name, c.label]);
    else c.codes.forEach((code, i) => book.addRow([i === 0 ? c.name : '', i === 0 ? c.label : '', code.code, code.label]));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function spssSyntax(input: DatasetInput, fileName = 'overens-wide.csv'): string {
  const { columns } = wideTable(input);
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const lines = [
    '* Överens: variable and value labels for the wide dataset.',
    `GET DATA /TYPE=TXT /FILE=${quote(fileName)} /ENCODING='UTF8' /DELIMITERS="," /QUALIFIER='"' /FIRSTCASE=2`,
    `  /VARIABLES=${columns.map((c) => `${c.name} ${c.name.endsWith('__prov') ? 'A12' : c.codes || c.name.includes('__') ? 'F2.0' : 'A255'}`).join(' ')}.`,
    'VARIABLE LABELS',
    ...columns.map((c, i) => `  ${c.name} ${quote(c.label)}${i === columns.length - 1 ? '.' : ''}`),
  ];
  const coded = columns.filter((c) => c.codes);
  if (coded.length) {
    lines.push('VALUE LABELS');
    coded.forEach((c, i) => lines.push(`  ${c.name} ${c.codes!.map((x) => `${x.code} ${quote(x.label)}`).join(' ')}${i === coded.length - 1 ? '.' : ' /'}`));
  }
  lines.push('EXECUTE.');
  return lines.join('\n') + '\n';
}

export function segmentsCsv(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): string {
  return csv(segmentsTable(segments, input));
}

/** The coded passages as XLSX (sheet "segments"), the same columns as the CSV. */
export function segmentsXlsx(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): Promise<Uint8Array> {
  return sheetXlsx('segments', segmentsTable(segments, input));
}

function segmentsTable(segments: readonly Segment[], input: Omit<DatasetInput, 'judgements'>): (string | number | null)[][] {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coders = new Map(input.coders.map((c) => [c.id, c]));
  const rows: (string | number | null)[][] = [['document', 'coder', 'variable', 'code', 'page', 'start', 'end', 'quote', 'memo', 'orphaned']];
  for (const s of segments) {
    const d = docs.get(s.documentId);
    const v = input.content.variables.find((x) => x.id === s.variableId);
    const value = v?.values.find((x) => x.id === s.valueId);
    rows.push([
      d ? documentKey(d) : s.documentId,
      coders.get(s.coderId)?.name ?? s.coderId,
      v ? localize(v.label, input.lang) : s.variableId,
      value ? localize(value.label, input.lang) : s.valueId,
      s.selector.page ?? null,
      s.selector.position.start,
      s.selector.position.end,
      s.selector.quote.exact,
      s.memo || null,
      s.orphaned ? 1 : 0,
    ]);
  }
  return rows;
}
