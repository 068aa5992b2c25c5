/**
 * Dataset conversion between REFI-QDA projects and the statistics CSV (`overens convert`). Pure:
 * the CLI reads and writes the files.
 *
 * - A long codings CSV (`document,coder,variable,value` plus attribute columns; several rows for
 *   one document, coder and variable = a multi-valued coding) becomes a neutral `QdpxProject`:
 *   coders → users; each variable → a parent code with one child code per value; each document →
 *   a text source (its text when the caller has one, else a generated line naming it); each
 *   coder's values on a document → one selection over the whole text with one coding per value;
 *   attribute columns → variables.
 * - A `QdpxProject` (read from a .qdpx, or built from a CSV as above) becomes Överens records
 *   through the app's own import mapping (`qdpxToBackup`), so variables and values are exactly
 *   those the app shows after importing the package: a parent code is the variable and its
 *   children the values; codes without a parent are values of one variable "Koder"; a codable
 *   parent used directly gets the value "<parent> (allmänt)". Only user names are kept as in the
 *   package (the app renames a user called "Konsensus", the consensus coder's reserved name,
 *   unless it is an Överens export's consensus user, which maps to the consensus coder).
 * - Those records feed the dataset writers (`dataset.ts`) and the REFI-QDA writer (`refi-qda.ts`).
 *   For the datasets a coder's codings count at document level: every value the coder gave the
 *   document, on a passage or on the whole document.
 */
import type { CodebookContent, Coder, DocumentContent, DocumentMemo, DocumentMeta, Judgement, Project, Segment } from '../core';
import { matchAttributeRows, type AttributeRow } from './attributes-csv';
import { readCsvTable, type CsvProblem } from './csv-table';
import { documentKey, LONG_CODEBOOK_COLUMNS, LONG_ORIGIN_COLUMN, LONG_VERSION_COLUMN, type DatasetInput } from './dataset';
import { english } from './messages';
import { guidFor, type QdpxInput } from './refi-qda';
import type { ImportedCode, ImportedSource, QdpxProject } from './refi-qda-import';
import { qdpxToBackup } from './refi-qda-to-project';

const CODING_COLUMNS = ['document', 'coder', 'variable', 'value'] as const;

export interface LongCodingRow {
  line: number;
  document: string;
  coder: string;
  variable: string;
  value: string;
}

export interface LongCodings {
  /** Rows with a value, in file order. */
  rows: LongCodingRow[];
  /** Every document named in the file, in order of first appearance. */
  documents: string[];
  /** Attribute columns per document (non-empty cells only). */
  attributes: Map<string, Record<string, string>>;
  /** Rows with an empty value (not coded): REFI-QDA has no coding for them. */
  notCoded: LongCodingRow[];
}

/**
 * Read a long codings CSV. Unlike the statistics reader (`parseCodingsCsv`), several rows for one
 * document, coder and variable are allowed when their values differ: a multi-valued coding.
 */
export function parseLongCodings(text: string): { codings: LongCodings; problems: CsvProblem[] } {
  const table = readCsvTable(text, CODING_COLUMNS);
  const problems = [...table.problems];
  const codings: LongCodings = { rows: [], documents: [], attributes: new Map(), notCoded: [] };
  // The app's long export also describes coder and codebook (coder_kind, value_code, …): not attributes.
  const attributeColumns = table.columns.filter((c) => !(CODING_COLUMNS as readonly string[]).includes(c) && ![...LONG_CODEBOOK_COLUMNS, LONG_VERSION_COLUMN, LONG_ORIGIN_COLUMN].includes(c.toLowerCase()));
  const seenColumns = new Set<string>();
  table.columns.forEach((c, i) => {
    if (!c) problems.push({ line: 1, message: `column ${i + 1} has no name` });
    else if (seenColumns.has(c)) problems.push({ line: 1, message: `column "${c}" appears twice` });
    seenColumns.add(c);
  });
  const seenRows = new Map<string, number>();
  const valued = new Map<string, number>();
  const empty = new Map<string, number>();
  const attributeLines = new Map<string, number>();
  for (const r of table.records) {
    const row = { line: r.line, document: r.get('document'), coder: r.get('coder'), variable: r.get('variable'), value: r.get('value') };
    const missing = (['document', 'coder', 'variable'] as const).filter((k) => !row[k]);
    if (missing.length > 0) {
      problems.push({ line: r.line, message: `empty ${missing.join(', ')}` });
      continue;
    }
    const rowKey = JSON.stringify([row.document, row.coder, row.variable, row.value]);
    const earlier = seenRows.get(rowKey);
    if (earlier !== undefined) {
      problems.push({ line: r.line, message: `duplicate row: the same as line ${earlier}` });
      continue;
    }
    seenRows.set(rowKey, r.line);
    const cell = JSON.stringify([row.document, row.coder, row.variable]);
    const conflict = row.value ? empty.get(cell) : valued.get(cell);
    if (conflict !== undefined) {
      problems.push({ line: r.line, message: `coder "${row.coder}" leaves "${row.variable}" of document "${row.document}" empty (not coded) on line ${row.value ? conflict : r.line} but gives it a value on line ${row.value ? r.line : conflict}` });
      continue;
    }
    if (!codings.attributes.has(row.document)) {
      codings.documents.push(row.document);
      codings.attributes.set(row.document, {});
    }
    const attributes = codings.attributes.get(row.document)!;
    for (const column of attributeColumns) {
      const value = r.get(column);
      if (!value) continue;
      const attributeKey = JSON.stringify([row.document, column]);
      if (attributes[column] !== undefined && attributes[column] !== value) {
        problems.push({ line: r.line, message: `attribute "${column}" of document "${row.document}" is "${value}" here but "${attributes[column]}" on line ${attributeLines.get(attributeKey)}` });
        continue;
      }
      if (attributes[column] === undefined) attributeLines.set(attributeKey, r.line);
      attributes[column] = value;
    }
    if (row.value) {
      if (!valued.has(cell)) valued.set(cell, r.line);
      codings.rows.push(row);
    } else {
      empty.set(cell, r.line);
      codings.notCoded.push(row);
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { codings, problems };
}

/** A document's text for the REFI-QDA source (normalised: \n line ends, NFC). */
export interface SourceText {
  kind: 'txt' | 'pdf';
  text: string;
  /** The original PDF, written next to its text. */
  original?: Uint8Array;
}

/** The text a source gets when the CSV's document has no text of its own. */
export function placeholderText(document: string, origin: string): string {
  return `${document}: the text of this document is not included (converted from ${origin} by Överens); its codings apply to the whole document.`;
}

const numeric = (values: readonly string[]) => values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));

/**
 * Long codings as a neutral REFI-QDA project. Values of a variable keep the order of their first
 * appearance, or numeric order when every value is a number.
 */
export function longCodingsToQdpxProject(codings: LongCodings, options: { name: string; origin: string; texts?: ReadonlyMap<string, SourceText> }): QdpxProject {
  const coders = [...new Set(codings.rows.map((r) => r.coder))];
  const users = coders.map((name) => ({ guid: guidFor(`coder:${name}`), name }));
  const userGuid = new Map(users.map((u) => [u.name, u.guid]));
  const valuesOf = new Map<string, string[]>();
  for (const r of codings.rows) {
    const values = valuesOf.get(r.variable) ?? [];
    if (!values.includes(r.value)) values.push(r.value);
    valuesOf.set(r.variable, values);
  }
  const valueGuid = (variable: string, value: string) => guidFor(`value:${JSON.stringify([variable, value])}`);
  const codes: ImportedCode[] = [...valuesOf].map(([variable, values]) => ({
    guid: guidFor(`variable:${variable}`),
    name: variable,
    isCodable: false,
    children: (numeric(values) ? [...values].sort((a, b) => Number(a) - Number(b)) : values).map((value) => ({ guid: valueGuid(variable, value), name: value, isCodable: true, children: [] })),
  }));
  const sources: ImportedSource[] = codings.documents.map((document) => {
    const given = options.texts?.get(document);
    const text = given && given.text.trim() ? given : ({ kind: 'txt', text: placeholderText(document, options.origin) } satisfies SourceText);
    const byCoder = new Map<string, string[]>();
    for (const r of codings.rows) {
      if (r.document !== document) continue;
      byCoder.set(r.coder, [...(byCoder.get(r.coder) ?? []), valueGuid(r.variable, r.value)]);
    }
    return {
      guid: guidFor(`source:${document}`),
      name: document,
      kind: text.kind,
      text: text.text,
      original: text.original,
      selections: [...byCoder].map(([coder, codeGuids]) => ({ guid: guidFor(`selection:${JSON.stringify([document, coder])}`), start: 0, end: text.text.length, creatingUser: userGuid.get(coder)!, codeGuids, notes: [] })),
      codings: [],
      variables: { ...codings.attributes.get(document) },
      notes: [],
    };
  });
  return { name: options.name, users, codes, sources, problems: [] };
}

/** A project as Överens records, ready for the dataset and REFI-QDA writers. */
export interface ConvertedProject {
  project: Project;
  coders: Coder[];
  content: CodebookContent;
  documents: { meta: DocumentMeta; content: DocumentContent; bytes: Uint8Array }[];
  segments: Segment[];
  judgements: Judgement[];
  memos: DocumentMemo[];
  /** What could not be converted as it stands, one sentence each, in English (the CLI's language). */
  problems: string[];
}

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(names.filter((n) => (seen.has(n) ? true : (seen.add(n), false))))];
}

/** Map a REFI-QDA project to Överens records with the app's import mapping; user names kept. */
export async function convertQdpxProject(imported: QdpxProject, now: number = Date.now()): Promise<ConvertedProject> {
  // The app's import reserves "Konsensus" and renames clashing users. A conversion keeps the
  // package's names, so the users go in under neutral placeholders and get their names back.
  const mapped = await qdpxToBackup({ ...imported, users: imported.users.map((u, i) => ({ ...u, name: `#${i + 1}` })) }, now);
  const { data } = mapped;
  const problems = english(mapped.problems);
  const used = new Set([...data.segments.map((s) => s.coderId), ...data.judgements.map((j) => j.coderId), ...data.memos.map((m) => m.coderId)]);
  const names = new Set<string>();
  const coders: Coder[] = [];
  // Each mapped coder's user: a human coder carries its placeholder "#k"; the consensus coder is
  // an Överens export's consensus user (User id="consensus"), if the package has one.
  const userOf = (coder: Coder) => {
    if (coder.kind === 'consensus') return imported.users.find((u) => u.id === 'consensus');
    const placeholder = /^#(\d+)$/.exec(coder.name);
    return placeholder ? imported.users[Number(placeholder[1]) - 1] : undefined;
  };
  for (const coder of data.coders) {
    const user = userOf(coder);
    // The consensus coder and the fallback coder (for codings that name no user) are listed only
    // when something is coded under them.
    if (coder.kind === 'consensus' && !used.has(coder.id)) continue;
    if (!user) {
      if (used.has(coder.id)) coders.push(coder);
      continue;
    }
    const base = user.name.trim() || user.guid;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base} (${n})`;
    if (name !== base) problems.push(`two users are named "${base}"; the second one's codings are written as coder "${name}"`);
    names.add(name);
    coders.push({ ...coder, name });
  }
  const users = new Set(imported.users.map((u) => u.guid));
  const unattributed = imported.sources.reduce(
    (n, s) => n + s.selections.filter((x) => !x.creatingUser || !users.has(x.creatingUser)).reduce((m, x) => m + x.codeGuids.length, 0) + s.codings.filter((c) => !c.user || !users.has(c.user)).length,
    0,
  );
  const fallback = coders[0];
  if (unattributed > 0 && fallback) problems.push(`${unattributed} coding(s) name no user of the project; they are written as coder "${fallback.name}", as the app's import attributes them`);
  for (const name of duplicates(imported.sources.map((s) => s.name))) problems.push(`several sources are named "${name}"; their rows cannot be told apart by document name`);
  for (const name of duplicates(data.codebookVersions[0]!.content.variables.map((v) => v.label.sv ?? v.key))) problems.push(`several top-level codes are named "${name}"; their rows cannot be told apart by variable name`);
  const contents = new Map(data.documentContents.map((c) => [c.documentId, c]));
  return {
    project: data.project,
    coders,
    content: data.codebookVersions[0]!.content,
    documents: data.documents.map((meta) => ({ meta, content: contents.get(meta.id)!, bytes: mapped.files.get(meta.id) ?? new Uint8Array() })),
    // REFI-QDA records no pages: leave the page out rather than claim page 1.
    segments: data.segments.map((s) => ({ ...s, selector: { position: s.selector.position, quote: s.selector.quote } })),
    judgements: data.judgements,
    memos: data.memos,
    problems,
  };
}

/** Only one coder's codings (null when no coder has that name). */
export function onlyCoder(p: ConvertedProject, name: string): ConvertedProject | null {
  const coder = p.coders.find((c) => c.name === name);
  if (!coder) return null;
  const own = <T extends { coderId: string }>(xs: readonly T[]) => xs.filter((x) => x.coderId === coder.id);
  return { ...p, coders: [coder], segments: own(p.segments), judgements: own(p.judgements), memos: own(p.memos) };
}

/** Add or replace document attributes from an attributes CSV; returns the rows matching no document. */
export function withAttributes(p: ConvertedProject, rows: readonly AttributeRow[]): { project: ConvertedProject; unknown: AttributeRow[] } {
  const matching = matchAttributeRows(rows, p.documents.map((d) => ({ id: d.meta.id, fileName: d.meta.fileName })));
  const byDocument = new Map(matching.matches.map((m) => [m.documentId, m.row.attributes]));
  const documents = p.documents.map((d) => {
    const extra = byDocument.get(d.meta.id);
    return extra ? { ...d, meta: { ...d.meta, attributes: { ...d.meta.attributes, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== '')) } } } : d;
  });
  return { project: { ...p, documents }, unknown: matching.unknown };
}

/** Datasets list documents by name (as the wide dataset does), whatever order the package has. */
function documentOrder(p: ConvertedProject): Map<string, number> {
  const sorted = [...p.documents].sort((a, b) => documentKey(a.meta).localeCompare(documentKey(b.meta), 'sv'));
  return new Map(sorted.map((d, i) => [d.meta.id, i]));
}

/**
 * Document-level codings: per document, coder and variable the values the coder gave, on
 * passages or on the whole document, in codebook order; ordered by document name, then coder
 * (the project's order) and variable (codebook order).
 */
export function documentCodings(p: ConvertedProject): Judgement[] {
  const docOrder = documentOrder(p);
  const coderOrder = new Map(p.coders.map((c, i) => [c.id, i]));
  const variableOrder = new Map(p.content.variables.map((v, i) => [v.id, i]));
  const valueOrder = new Map(p.content.variables.flatMap((v) => v.values.map((x, i) => [x.id, i] as const)));
  const cells = new Map<string, { documentId: string; coderId: string; variableId: string; values: Set<string>; codebookVersionId: string }>();
  const add = (documentId: string, coderId: string, variableId: string, codebookVersionId: string, valueIds: readonly string[]) => {
    if (!docOrder.has(documentId) || !coderOrder.has(coderId) || !variableOrder.has(variableId)) return;
    const key = JSON.stringify([documentId, coderId, variableId]);
    const cell = cells.get(key) ?? { documentId, coderId, variableId, values: new Set<string>(), codebookVersionId };
    for (const v of valueIds) cell.values.add(v);
    cells.set(key, cell);
  };
  for (const j of p.judgements) add(j.documentId, j.coderId, j.variableId, j.codebookVersionId, j.valueIds);
  for (const s of p.segments) if (!s.orphaned) add(s.documentId, s.coderId, s.variableId, s.codebookVersionId, [s.valueId]);
  return [...cells.values()]
    .filter((c) => c.values.size > 0)
    .sort((a, b) => docOrder.get(a.documentId)! - docOrder.get(b.documentId)! || coderOrder.get(a.coderId)! - coderOrder.get(b.coderId)! || variableOrder.get(a.variableId)! - variableOrder.get(b.variableId)!)
    .map((c) => ({
      id: guidFor(`coding:${c.documentId}:${c.coderId}:${c.variableId}`),
      projectId: p.project.id,
      documentId: c.documentId,
      coderId: c.coderId,
      codebookVersionId: c.codebookVersionId,
      variableId: c.variableId,
      valueIds: [...c.values].sort((x, y) => (valueOrder.get(x) ?? 0) - (valueOrder.get(y) ?? 0)),
      status: 'final',
      origin: 'explicit',
      evidenceSegmentIds: [],
      memo: '',
      createdAt: p.project.createdAt,
      updatedAt: p.project.updatedAt,
    }));
}

/**
 * Long dataset input: one judgement per value, so a multi-valued coding is one row per value (its
 * variable's `variable_kind` is multi, which `overens agreement` reads as one set of values).
 */
export function longDatasetInput(p: ConvertedProject): DatasetInput {
  const { content, judgements } = withMultiKinds(p);
  return { content, documents: p.documents.map((d) => d.meta), coders: p.coders, judgements: judgements.flatMap((j) => j.valueIds.map((v) => ({ ...j, valueIds: [v] }))), lang: 'sv' };
}

/** A variable some coder gave several values on one document is `multi`; the others `single` (thematic ones stay). */
function withMultiKinds(p: ConvertedProject): { content: CodebookContent; judgements: Judgement[] } {
  const judgements = documentCodings(p);
  const multi = new Set(judgements.filter((j) => j.valueIds.length > 1).map((j) => j.variableId));
  const content: CodebookContent = { ...p.content, variables: p.content.variables.map((v) => ({ ...v, kind: multi.has(v.id) ? 'multi' : v.kind === 'thematic' ? 'thematic' : 'single' })) };
  return { content, judgements };
}

/**
 * Wide dataset input: a variable some coder gave several values on one document is a `multi`
 * variable (empty code column, one 0/1 indicator per value); every other variable is `single`
 * (code 1…k in value order, plus the indicators).
 */
export function wideDatasetInput(p: ConvertedProject): DatasetInput {
  const { content, judgements } = withMultiKinds(p);
  return { content: { ...content, variables: content.variables.map((v) => ({ ...v, kind: v.kind === 'thematic' ? 'single' : v.kind })) }, documents: p.documents.map((d) => d.meta), coders: p.coders, judgements, lang: 'sv' };
}

/** Passages ordered by document, coder and position, with the dataset input naming them. */
export function segmentsDataset(p: ConvertedProject): { segments: Segment[]; input: Omit<DatasetInput, 'judgements'> } {
  const docOrder = documentOrder(p);
  const coderOrder = new Map(p.coders.map((c, i) => [c.id, i]));
  const segments = p.segments
    .filter((s) => coderOrder.has(s.coderId))
    .sort((a, b) => docOrder.get(a.documentId)! - docOrder.get(b.documentId)! || coderOrder.get(a.coderId)! - coderOrder.get(b.coderId)! || a.selector.position.start - b.selector.position.start || a.selector.position.end - b.selector.position.end);
  return { segments, input: { content: p.content, documents: p.documents.map((d) => d.meta), coders: p.coders, lang: 'sv' } };
}

/** The REFI-QDA writer's input. */
export function qdpxInput(p: ConvertedProject, description?: string): QdpxInput {
  return { project: description === undefined ? p.project : { ...p.project, description }, coders: p.coders, content: p.content, documents: p.documents, segments: p.segments, judgements: p.judgements, memos: p.memos };
}
