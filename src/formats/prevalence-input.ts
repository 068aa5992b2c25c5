/**
 * From long codings and the attribute CSV to the app's own prevalence (`overens prevalence`):
 * the rows become the app's records — agreements (an attribute row each; a coded file matched by
 * its stem is a DOCX twin of that row's agreement), coders (`coder_kind`), judgements (a
 * multi-valued one split at "; ") — and then the Results view's code runs on them unchanged:
 * `composeFinalDataset` (src/core/final-dataset.ts), `finalPrevalenceInput`, `prevalence` in
 * codebook order. The source is, as in the Results view, the final dataset composed from every
 * coder's rows (consensus › agreed › single coder › unresolved, listed), or one coder's
 * judgements as if they were the only ones (the consensus coder's too, or the export's `final`
 * rows). The codebook is the one given, else what the export's columns say (value_code order,
 * value_count, variable_kind), else the values in order of appearance.
 */
import type { CodebookContent, Variable } from '../core';
import { composeFinalDataset, finalPrevalenceInput, type FinalCoder, type FinalDataset, type FinalJudgement } from '../core/final-dataset';
import { prevalence, type VariablePrevalence } from '../core/prevalence';
import type { UnitDocument } from '../core/units';
import { matchAttributeRows, type AttributeRow } from './attributes-csv';
import type { ScannedCodings } from './codings-scan';
import type { CsvProblem } from './csv-table';

/** Separator of a multi-valued judgement's labels and codes in the app's long export. */
const JOIN = '; ';
const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');

export type PrevalenceSource = { final: true } | { coder: string };

export interface PrevalenceOptions {
  codebook?: CodebookContent;
  source: PrevalenceSource;
  by?: string;
  /** The documents file's name, for messages. */
  documentsName?: string;
}

export interface PrevalenceResult {
  /** Variables and values by name (the codebook's Swedish label, else the file's). */
  tables: VariablePrevalence[];
  dataset: FinalDataset;
  /** Cells left without a value because the coders differ and no consensus is in force. */
  unresolved: { document: string; variable: string }[];
  notes: string[];
  problems: CsvProblem[];
}

interface Described {
  content: CodebookContent;
  /** Scanned variable index → codebook variable (null: not in the codebook). */
  variableOf: (Variable | null)[];
}

function plainVariable(name: string, kind: Variable['kind'], labels: readonly string[]): Variable {
  return {
    id: name, key: name, label: { sv: name }, description: {}, codingRule: {}, kind, level: 'nominal',
    values: labels.map((label) => ({ id: label, key: label, label: { sv: label }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#888888', absent: false })),
  };
}

/** The codebook the export's own columns describe (or the values in order of appearance). */
function describeFromFile(scan: ScannedCodings, notes: string[]): Described {
  const variables = scan.variables.names.map((name, v) => {
    const meta = scan.meta[v]!;
    const kind = meta.kind === 'multi' || meta.kind === 'thematic' ? meta.kind : 'single';
    if (meta.count === undefined || meta.codes.size === 0) {
      const labels = kind === 'multi' ? [...new Set(scan.values[v]!.names.flatMap((raw) => raw.split(JOIN)))] : scan.values[v]!.names;
      return plainVariable(name, kind, labels);
    }
    // value_code: each label's position 1…k ("; "-joined with the labels of a multi-valued judgement).
    const byCode = new Array<string | undefined>(meta.count).fill(undefined);
    for (const [label, code] of meta.codes) {
      const labels = kind === 'multi' ? label.split(JOIN) : [label];
      const codes = kind === 'multi' ? code.split(JOIN) : [code];
      labels.forEach((l, i) => {
        const k = Number(codes[i]);
        if (Number.isInteger(k) && k >= 1 && k <= meta.count!) byCode[k - 1] ??= l;
      });
    }
    const unnamed = byCode.filter((l) => l === undefined).length;
    if (unnamed > 0) notes.push(`"${name}": ${unnamed} of its ${meta.count} values were given by no coder, so their labels are not in the file; they are left out of the table (--codebook lists them with 0)`);
    return plainVariable(name, kind, byCode.filter((l): l is string => l !== undefined));
  });
  const content: CodebookContent = { groups: [], variables };
  return { content, variableOf: variables };
}

function describeFromCodebook(scan: ScannedCodings, content: CodebookContent, problems: CsvProblem[]): Described {
  const variableOf = scan.variables.names.map((name) => {
    const n = norm(name);
    const found = content.variables.find((v) => [v.label.sv, v.label.en, v.key, v.id].some((x) => x !== undefined && norm(x) === n));
    if (!found) problems.push({ message: `variable "${name}" is not in the codebook (--codebook)` });
    return found ?? null;
  });
  return { content, variableOf };
}

/** A raw value → value ids of the variable (several for a multi-valued judgement), or null. */
function valueIds(v: Variable, raw: string): string[] | null {
  const find = (label: string) => {
    const n = norm(label);
    return v.values.find((x) => [x.label.sv, x.label.en, x.key, x.id].some((y) => y !== undefined && norm(y) === n))?.id;
  };
  const whole = find(raw);
  if (whole !== undefined) return [whole];
  if (v.kind !== 'multi') return null;
  const parts = raw.split(JOIN).map(find);
  return parts.every((p) => p !== undefined) ? (parts as string[]) : null;
}

/** The app's records of the codings: what `composeFinalDataset` takes, with the coders' names. */
export interface CodingsRecords {
  content: CodebookContent;
  documents: (UnitDocument & { fileName: string; attributes: Record<string, string> })[];
  coders: (FinalCoder & { name: string })[];
  judgements: FinalJudgement[];
  notes: string[];
  problems: CsvProblem[];
}

export function recordsFromCodings(scan: ScannedCodings, attributes: readonly AttributeRow[], options: Omit<PrevalenceOptions, 'by'>): CodingsRecords {
  const notes: string[] = [];
  const problems: CsvProblem[] = [];
  const described = options.codebook ? describeFromCodebook(scan, options.codebook, problems) : describeFromFile(scan, notes);
  const { content, variableOf } = described;

  // Agreements: one per attribute row; a coded file matched by its stem is a twin of that row's.
  const names = scan.documents.names;
  const matching = matchAttributeRows(attributes, names.map((n) => ({ id: n, fileName: n })));
  const rowOf = new Map(matching.matches.map((m) => [m.documentId, m.row.file]));
  const documents: CodingsRecords['documents'] = attributes.map((r) => ({ id: r.file, fileName: r.file, attributes: r.attributes }));
  const known = new Set(documents.map((d) => d.id));
  for (const m of matching.matches) {
    if (known.has(m.documentId)) continue;
    documents.push({ id: m.documentId, fileName: m.documentId, twin: { of: m.row.file }, attributes: m.row.attributes });
    known.add(m.documentId);
  }

  // Coders: the chosen one alone (as the only coder), or every coder but the final rows.
  const kindOf = (c: number) => scan.coderKind.get(c) ?? 'human';
  const source = options.source;
  const chosen = 'coder' in source ? scan.coders.find(source.coder) : undefined;
  const takes = (c: number) => ('coder' in source ? c === chosen : kindOf(c) !== 'final');
  const coders: CodingsRecords['coders'] = scan.coders.names.map((_, c) => c).filter(takes).map((c) => ({ id: String(c), name: scan.coders.names[c]!, kind: 'coder' in source || kindOf(c) !== 'consensus' ? 'human' : 'consensus' }));

  // Judgements; a consensus the export marks `reopened` does not count (as in the app).
  const judgements: FinalJudgement[] = [];
  const seen = new Map<string, number>();
  const { document, coder, variable, value, line } = scan.rows;
  const unknownDocuments: { line: number; document: string }[] = [];
  let reopened = 0;
  for (let r = 0; r < document.length; r++) {
    const c = coder.get(r);
    if (!takes(c)) continue;
    const docName = names[document.get(r)]!;
    if (!rowOf.has(docName)) {
      unknownDocuments.push({ line: line.get(r), document: docName });
      continue;
    }
    const v = variableOf[variable.get(r)];
    const x = value.get(r);
    if (!v || x === -1) continue;
    const consensus = 'final' in source && kindOf(c) === 'consensus';
    if (consensus && scan.reopened.has(r)) {
      reopened++;
      continue;
    }
    const raw = scan.values[variable.get(r)]!.names[x]!;
    const ids = valueIds(v, raw);
    if (ids === null) {
      problems.push({ line: line.get(r), message: `value "${raw}" of "${scan.variables.names[variable.get(r)]}" is not ${options.codebook ? 'a value of this variable in the codebook' : 'listed with a value_code'}` });
      continue;
    }
    const key = `${c}\u0000${docName}\u0000${v.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && v.kind !== 'multi') {
      problems.push({ line: line.get(r), message: `duplicate row: coder "${scan.coders.names[c]}" already coded "${scan.variables.names[variable.get(r)]}" for document "${docName}" on line ${earlier}` });
      continue;
    }
    if (earlier !== undefined) {
      const j = judgements.find((y) => y.coderId === String(c) && y.documentId === docName && y.variableId === v.id)!;
      j.valueIds = [...new Set([...j.valueIds, ...ids])];
      continue;
    }
    seen.set(key, line.get(r));
    judgements.push({
      documentId: docName, coderId: String(c), variableId: v.id, valueIds: ids, codebookVersionId: '', updatedAt: 0,
      ...(consensus ? { resolution: { reason: '', coderIds: [], resolvedAt: 0 } } : {}),
    });
  }
  for (const u of unknownDocuments.slice(0, 20)) problems.push({ line: u.line, message: `document "${u.document}" is not in ${options.documentsName ?? 'the documents file'}` });
  if (unknownDocuments.length > 20) problems.push({ message: `… and ${unknownDocuments.length - 20} more rows of documents not in ${options.documentsName ?? 'the documents file'}` });
  if (reopened > 0) notes.push(`left out ${reopened} consensus judgement(s) marked "reopened" (the coders' judgements changed after it); those cells are composed from the coders' values`);

  return { content, documents, coders, judgements, notes, problems };
}

export function prevalenceFromCodings(scan: ScannedCodings, attributes: readonly AttributeRow[], options: PrevalenceOptions): PrevalenceResult {
  const { content, documents, coders, judgements, notes, problems } = recordsFromCodings(scan, attributes, options);
  const dataset = composeFinalDataset({ content, documents, coders, judgements });
  if (dataset.twinConflicts.length > 0) notes.push(`${dataset.twinConflicts.length} judgement(s) differ between two files of one agreement; the agreement's own file (the row of the documents file) counts, as in the app`);
  const input = finalPrevalenceInput(dataset, documents);
  const order = content.variables.filter((v) => v.kind !== 'thematic').map((v) => v.id);
  const variables = [...input.variables].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const tables = prevalence({ ...input, variables, by: options.by, groupOrder: options.by === 'level' ? ['county', 'local'] : undefined });

  // Ids → names for the output: the codebook's Swedish label (the file's name without a codebook).
  const byId = new Map(content.variables.map((v) => [v.id, v]));
  const nameOf = (v: Variable) => v.label.sv ?? v.label.en ?? v.key;
  const named = tables.map((t) => {
    const v = byId.get(t.variable)!;
    return { variable: nameOf(v), groups: t.groups.map((g) => ({ ...g, values: g.values.map((x) => ({ ...x, value: ((y) => (y ? (y.label.sv ?? y.label.en ?? y.key) : x.value))(v.values.find((y) => y.id === x.value)) })) })) };
  });
  const unresolved = dataset.cells.filter((c) => c.provenance === 'unresolved').map((c) => ({ document: c.unit, variable: nameOf(byId.get(c.variableId)!) }));
  return { tables: named, dataset, unresolved, notes, problems };
}
