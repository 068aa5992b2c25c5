/**
 * A streaming reader of long codings (`document,coder,variable,value` + the app's optional
 * codebook columns + attributes) for files of millions of rows: text is pushed in chunks, each
 * row becomes four integers (document, coder, variable, value index) in growing typed arrays and
 * its line number, names are interned once. No object per row, so 5 million rows take ≈ 100 MB.
 * The CSV rules are `csv-table.ts`': comma, semicolon or tab (chosen by the header), RFC 4180
 * quotes (a quoted cell may span lines), required header names case-insensitive.
 */
import { restoreCell } from './csv-safe';
import { CSV_DELIMITERS, echo, type CsvProblem } from './csv-table';

const REQUIRED = ['document', 'coder', 'variable', 'value'] as const;
/** Attribute kept per document: the reliability sample's (`urval`, see the Reliability view). */
const KEPT_ATTRIBUTES = ['urval'] as const;
const MAX_PROBLEMS = 50;
/** Longest line (or quoted record over several lines): far beyond any coding, and read in one pass. */
const MAX_LINE_CHARS = 10_000_000;

/** A growing Int32Array. */
export class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  get(i: number): number {
    return this.data[i]!;
  }
}

/** Names in order of first appearance, each with its index. */
export class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  // Long files repeat a name on consecutive rows (a document's rows together): the last one is kept.
  private lastName: string | undefined;
  private lastId = -1;
  id(name: string): number {
    if (name === this.lastName) return this.lastId;
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    this.lastName = name;
    this.lastId = i;
    return i;
  }
  find(name: string): number | undefined {
    return this.index.get(name);
  }
  get size(): number {
    return this.names.length;
  }
}

/** What the app's long export says about a variable (all rows must agree). */
export interface ColumnMeta {
  kind?: string;
  level?: string;
  count?: number;
  /** Value label → its codes 1…k ("; "-joined for a multi-valued judgement). */
  codes: Map<string, string>;
}

export interface ScannedCodings {
  documents: Interner;
  coders: Interner;
  variables: Interner;
  /** Raw value strings per variable (index = value index of a row; '' never appears). */
  values: Interner[];
  rows: { document: IntList; coder: IntList; variable: IntList; value: IntList; line: IntList };
  /** The optional columns of the app's export, where present. */
  columns: { coderKind: boolean; codebook: boolean; version: boolean };
  /** Rows per codebook_version value ('' = empty), all of them, read or skipped. */
  versionRows: Map<string, number>;
  /** The version whose rows were read (the scanner's `version` option); the others were skipped. */
  version: string | null;
  /** Rows (indexes) whose provenance is `reopened`: a consensus that no longer counts (the app's export). */
  reopened: Set<number>;
  coderKind: Map<number, string>;
  meta: ColumnMeta[];
  /** Kept attributes (urval) per document index, where not empty. */
  attributes: Map<string, Map<number, string>>;
  problems: CsvProblem[];
  /** Problems beyond the first MAX_PROBLEMS, only counted. */
  moreProblems: number;
  delimiter: string;
}

/** Split one CSV record (no line breaks left open) into trimmed cells, honouring quotes. */
function splitQuoted(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Whether a cell's edge may be white space that String.prototype.trim removes (then trim decides). */
const mayBeSpace = (code: number) => code <= 32 || code > 126;

/** Split an unquoted record into `out` (reused between rows), each cell trimmed (String.prototype.trim). */
function splitFast(line: string, delimiter: string, out: string[]): string[] {
  if (line.includes('"')) return splitQuoted(line, delimiter);
  out.length = 0;
  let start = 0;
  for (;;) {
    const end = line.indexOf(delimiter, start);
    const stop = end === -1 ? line.length : end;
    if (start < stop && (mayBeSpace(line.charCodeAt(start)) || mayBeSpace(line.charCodeAt(stop - 1)))) out.push(line.slice(start, stop).trim());
    else out.push(start === stop ? '' : line.slice(start, stop));
    if (end === -1) return out;
    start = end + 1;
  }
}

const quotesOpen = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
};

export class CodingsScanner {
  /** `version`: read only the rows of this codebook_version (the others are counted in `versionRows`). */
  constructor(private readonly options: { version?: string } = {}) {
    this.result.version = options.version ?? null;
  }

  private carry = '';
  private pending = '';
  private pendingLine = 0;
  private lineNo = 0;
  private header: string[] | null = null;
  private index = { document: -1, coder: -1, variable: -1, value: -1, coderKind: -1, variableKind: -1, variableLevel: -1, valueCode: -1, valueCount: -1, version: -1, provenance: -1 };
  private kept: [string, number][] = [];
  private readonly cells: string[] = [];
  private failed = false;
  readonly result: ScannedCodings = {
    documents: new Interner(),
    coders: new Interner(),
    variables: new Interner(),
    values: [],
    rows: { document: new IntList(), coder: new IntList(), variable: new IntList(), value: new IntList(), line: new IntList() },
    columns: { coderKind: false, codebook: false, version: false },
    versionRows: new Map(),
    version: null,
    reopened: new Set(),
    coderKind: new Map(),
    meta: [],
    attributes: new Map(),
    problems: [],
    moreProblems: 0,
    delimiter: ',',
  };

  private problem(line: number | undefined, message: string): void {
    if (this.result.problems.length < MAX_PROBLEMS) this.result.problems.push({ line, message });
    else this.result.moreProblems++;
  }

  /** Feed the next piece of decoded text. */
  push(text: string): void {
    if (this.failed) return;
    let start = 0;
    const chunk = this.carry + text;
    // The carried part holds no newline: search only what is new (a 58 MB line is then one pass).
    for (let nl = chunk.indexOf('\n', this.carry.length); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.line(chunk.slice(start, chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
      start = nl + 1;
      if (this.failed) return;
    }
    this.carry = chunk.slice(start);
    if (this.carry.length + this.pending.length > MAX_LINE_CHARS) this.tooLong();
  }

  private tooLong(): void {
    this.problem(this.pending ? this.pendingLine : this.lineNo + 1, `the line is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters; the file is not read further`);
    this.failed = true;
  }

  /** The end of the text; returns what was read. */
  finish(): ScannedCodings {
    if (!this.failed) {
      if (this.carry) this.line(this.carry.replace(/\r$/, ''));
      if (this.pending) this.problem(this.pendingLine, 'a quoted field is not closed before the end of the file');
      if (!this.header && !this.failed) this.problem(undefined, `the file is empty; a header row with ${REQUIRED.join(',')} is required`);
    }
    this.carry = '';
    return this.result;
  }

  private line(raw: string): void {
    this.lineNo++;
    if (this.pending) {
      this.pending += `\n${raw}`;
      if (this.pending.length > MAX_LINE_CHARS) return this.tooLong();
      if (quotesOpen(this.pending)) return;
      raw = this.pending;
      this.pending = '';
    } else if (raw.includes('"') && quotesOpen(raw)) {
      this.pending = raw;
      this.pendingLine = this.lineNo;
      return;
    }
    const line = this.pendingLine && raw.includes('\n') ? this.pendingLine : this.lineNo;
    if (this.header === null) {
      if (raw.trim() === '') return;
      this.readHeader(raw, line);
      return;
    }
    if (raw.trim() === '') return;
    this.record(splitFast(raw, this.result.delimiter, this.cells), line);
  }

  private readHeader(raw: string, line: number): void {
    const lower = (d: string) => splitQuoted(raw.replace(/^\uFEFF/, ''), d).map((h) => h.toLowerCase());
    const delimiter = CSV_DELIMITERS.find((d) => REQUIRED.every((r) => lower(d).includes(r)));
    if (delimiter === undefined) {
      const other = ['|', ':'].find((d) => raw.includes(d) && REQUIRED.every((r) => raw.toLowerCase().includes(r)));
      this.problem(
        line,
        other
          ? `the columns are separated by a ${other === '|' ? 'vertical bar "|"' : 'colon'}; use a comma, a semicolon or a tab (the header must contain ${REQUIRED.join(',')})`
          : `missing column(s) ${REQUIRED.filter((r) => !lower(',').includes(r)).join(', ')} in the header (found: ${echo(raw.trim()) || 'nothing'}); the header must contain ${REQUIRED.join(',')} (separated by commas, semicolons or tabs)`,
      );
      this.failed = true;
      return;
    }
    this.result.delimiter = delimiter;
    const names = lower(delimiter);
    this.header = names;
    const at = (name: string) => names.indexOf(name);
    this.index = {
      document: at('document'),
      coder: at('coder'),
      variable: at('variable'),
      value: at('value'),
      coderKind: at('coder_kind'),
      variableKind: at('variable_kind'),
      variableLevel: at('variable_level'),
      valueCode: at('value_code'),
      valueCount: at('value_count'),
      version: at('codebook_version'),
      provenance: at('provenance'),
    };
    this.result.columns.version = this.index.version !== -1;
    this.result.columns.coderKind = this.index.coderKind !== -1;
    this.result.columns.codebook = this.index.valueCode !== -1 && this.index.valueCount !== -1;
    for (const a of KEPT_ATTRIBUTES) {
      const i = at(a);
      if (i !== -1) {
        this.kept.push([a, i]);
        this.result.attributes.set(a, new Map());
      }
    }
  }

  private record(cells: string[], line: number): void {
    const header = this.header!;
    if (cells.length !== header.length) {
      this.problem(line, `expected ${header.length} fields, found ${cells.length}`);
      return;
    }
    // Cells our exports neutralised against formula injection (csv-safe.ts) read back as they were.
    for (let i = 0; i < cells.length; i++) if (cells[i]!.charCodeAt(0) === 39) cells[i] = restoreCell(cells[i]!);
    const ix = this.index;
    if (ix.version !== -1) {
      const version = cells[ix.version]!;
      this.result.versionRows.set(version, (this.result.versionRows.get(version) ?? 0) + 1);
      if (this.options.version !== undefined && version !== this.options.version) return;
    }
    const document = cells[ix.document]!;
    const coder = cells[ix.coder]!;
    const variable = cells[ix.variable]!;
    if (!document || !coder || !variable) {
      this.problem(line, `empty ${[['document', document], ['coder', coder], ['variable', variable]].filter(([, v]) => !v).map(([k]) => k).join(', ')}`);
      return;
    }
    const r = this.result;
    const d = r.documents.id(document);
    const c = r.coders.id(coder);
    const v = r.variables.id(variable);
    if (v === r.values.length) {
      r.values.push(new Interner());
      r.meta.push({ codes: new Map() });
    }
    const value = cells[ix.value]!;
    if (ix.coderKind !== -1) {
      const kind = cells[ix.coderKind]!.toLowerCase();
      const known = r.coderKind.get(c);
      if (kind && known === undefined) r.coderKind.set(c, kind);
      else if (kind && known !== kind) this.problem(line, `coder "${coder}" is "${kind}" here but "${known}" on an earlier line`);
    }
    if (ix.variableKind !== -1 || ix.variableLevel !== -1 || ix.valueCount !== -1) {
      const meta = r.meta[v]!;
      const same = (field: 'kind' | 'level', given: string, column: string) => {
        if (!given) return;
        if (meta[field] === undefined) meta[field] = given;
        else if (meta[field] !== given) this.problem(line, `${column} of "${variable}" is "${given}" here but "${meta[field]}" on an earlier line`);
      };
      if (ix.variableKind !== -1) same('kind', cells[ix.variableKind]!.toLowerCase(), 'variable_kind');
      if (ix.variableLevel !== -1) same('level', cells[ix.variableLevel]!.toLowerCase(), 'variable_level');
      if (ix.valueCount !== -1 && cells[ix.valueCount]) {
        const count = Number(cells[ix.valueCount]);
        if (!Number.isInteger(count) || count < 1) this.problem(line, `value_count "${cells[ix.valueCount]}" is not a whole number ≥ 1`);
        else if (meta.count === undefined) meta.count = count;
        else if (meta.count !== count) this.problem(line, `value_count of "${variable}" is ${count} here but ${meta.count} on an earlier line`);
      }
      if (ix.valueCode !== -1 && value) {
        const code = cells[ix.valueCode]!;
        const known = meta.codes.get(value);
        if (known === undefined) meta.codes.set(value, code);
        else if (known !== code) this.problem(line, `value "${value}" of "${variable}" has value_code ${code} here but ${known} on an earlier line`);
      }
    }
    for (const [name, i] of this.kept) {
      const x = cells[i]!;
      if (x) r.attributes.get(name)!.set(d, x);
    }
    if (ix.provenance !== -1 && cells[ix.provenance] === 'reopened') r.reopened.add(r.rows.document.length);
    r.rows.document.push(d);
    r.rows.coder.push(c);
    r.rows.variable.push(v);
    r.rows.value.push(value ? r.values[v]!.id(value) : -1);
    r.rows.line.push(line);
  }
}

/** Scan a whole text (tests, small files). */
export function scanCodings(text: string, options: { version?: string } = {}): ScannedCodings {
  const scanner = new CodingsScanner(options);
  scanner.push(text);
  return scanner.finish();
}
