/**
 * The codebook part of REFI-QDA, shared by the project exchange (`.qdpx`: refi-qda.ts,
 * refi-qda-import.ts, refi-qda-to-project.ts) and the codebook exchange (`.qdc`:
 * refi-qda-codebook.ts), so a codebook looks the same in both files — same GUIDs, names, colours
 * and descriptions — and is read back the same way:
 * - `guidFor`: stable GUIDs from our ids;
 * - `codesXml`: each variable a non-codable parent `<Code>`, each value a codable child;
 * - `writeCodeText` / `readCodeText`: the `<Description>` as readable text with headed sections
 *   (definition, "Kodregel:", "Ankarexempel:", "Indikatorord:", "Källa:") and, only where it is
 *   needed, one line "Överens: key=…; kind=…; level=…; absent; score=…" for what other programs
 *   have no field for;
 * - `readCodes`: the `<Code>` tree of a parsed document;
 * - `codeTreeToVariables`: a code tree → Överens variables (top-level codes with children →
 *   variables, their children → values, deeper levels flattened as "Parent / Child", top-level
 *   codes without children → values of one thematic variable "Koder").
 */
import { XMLParser } from 'fast-xml-parser';
import { Key, localize, MeasurementLevel, VariableKind, type AnchorExample, type CodebookContent, type Language, type UserMessage, type Value, type Variable } from '../core';
import { msg, prefixed } from './messages';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isGuid = (s: string): boolean => GUID.test(s);

/** A stable GUID for any id: the id itself when it is one, else a 128-bit FNV-1a hash of it. */
export function guidFor(id: string): string {
  if (GUID.test(id)) return id.toLowerCase();
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ (round * 0x9e3779b9);
    for (const ch of `${round}:${id}`) {
      h ^= ch.codePointAt(0)!;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    parts.push(h.toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID attribute as found in files: braces removed, lower case. */
export const normaliseGuid = (raw: string | undefined): string => (raw ?? '').trim().toLowerCase().replace(/[{}]/g, '');

/** Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return). */
const XML_INVALID = new RegExp('[' + String.fromCharCode(0) + '-' + String.fromCharCode(8) + String.fromCharCode(11, 12) + String.fromCharCode(14) + '-' + String.fromCharCode(31) + ']', 'g');
/** Escape text for XML content and double-quoted attributes. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(XML_INVALID, '');

/** Colours given to imported values that have none (the shipped templates' palette). */
export const PALETTE = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#17becf', '#d62728', '#8c564b', '#bcbd22'];

// ---------------------------------------------------------------------------------------------
// Keys

const TRANSLITERATE: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** The key a name would get before de-duplication: å/ä/ö → a/a/o, anything else → "_", starts with a letter. */
export function baseKey(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/[æøœßłđðþı]/g, (c) => TRANSLITERATE[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50)
    .replace(/_+$/, '');
  if (!key) return 'k';
  return /^[a-z]/.test(key) ? key : `k_${key}`;
}

/** A key for `name` that is not in `taken` (which it joins): "name", "name_2", "name_3" … */
export function keyFor(name: string, taken: Set<string>): string {
  const key = baseKey(name);
  let candidate = key;
  for (let i = 2; taken.has(candidate); i++) candidate = `${key}_${i}`;
  taken.add(candidate);
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Description text

export type Section = 'rule' | 'anchors' | 'terms' | 'source';

const HEADINGS: Record<Language, Record<Section, string>> = {
  sv: { rule: 'Kodregel', anchors: 'Ankarexempel', terms: 'Indikatorord', source: 'Källa' },
  en: { rule: 'Coding rule', anchors: 'Anchor examples', terms: 'Indicator terms', source: 'Source' },
};
/** The line that carries what other programs have no field for. */
export const META_PREFIX = 'Överens:';

export interface CodeText {
  /** The definition (values) or description (variables, groups): text before the first heading. */
  text: string;
  rule: string;
  anchors: AnchorExample[];
  terms: string[];
  source: string;
  /** "key=lvm; absent" → { key: 'lvm', absent: true }. */
  meta: Record<string, string | true>;
}

const normaliseLines = (s: string) => s.replace(/\r\n?/g, '\n');

/** The `<Description>` text: the definition first, then headed sections, then the "Överens:" line when there is something for it. */
export function writeCodeText(parts: Partial<CodeText>, lang: Language = 'sv'): string {
  const h = HEADINGS[lang];
  const blocks: string[] = [];
  const text = normaliseLines(parts.text ?? '').trim();
  if (text) blocks.push(text);
  const rule = normaliseLines(parts.rule ?? '').trim();
  if (rule) blocks.push(`${h.rule}: ${rule}`);
  if (parts.anchors?.length) {
    const lines = parts.anchors.map((a) => `- ”${normaliseLines(a.text).trim()}”${a.source?.trim() ? ` — ${a.source.trim()}` : ''}`);
    blocks.push(`${h.anchors}:\n${lines.join('\n')}`);
  }
  if (parts.terms?.length) blocks.push(`${h.terms}: ${parts.terms.join('; ')}`);
  const source = normaliseLines(parts.source ?? '').trim();
  if (source) blocks.push(`${h.source}: ${source}`);
  const meta = Object.entries(parts.meta ?? {}).map(([k, v]) => (v === true ? k : `${k}=${v}`));
  if (meta.length) blocks.push(`${META_PREFIX} ${meta.join('; ')}`);
  return blocks.join('\n\n');
}

const headingPattern = (section: Section) => new RegExp(`^(?:${HEADINGS.sv[section]}|${HEADINGS.en[section]}):[ \\t]*`, 'i');
const ANCHOR_LINE = /^[-•–][ \t]+/;
const QUOTED_ANCHOR = /^[”“"„«]([\s\S]*)[”“"»](?:[ \t]+[—–][ \t]+(.+))?$/;

function parseAnchors(body: string): AnchorExample[] {
  const chunks: string[] = [];
  for (const line of body.split('\n')) {
    if (ANCHOR_LINE.test(line) || chunks.length === 0) chunks.push(line.replace(ANCHOR_LINE, ''));
    else chunks[chunks.length - 1] += `\n${line}`;
  }
  return chunks
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const m = QUOTED_ANCHOR.exec(c);
      if (!m) return { text: c };
      const text = m[1]!.trim();
      return m[2]?.trim() ? { text, source: m[2].trim() } : { text };
    })
    .filter((a) => a.text);
}

/**
 * Read a `<Description>` written by `writeCodeText` — or by another program, whose text then is
 * the definition as it stands. Only the headings in `sections` are recognised (Swedish or English).
 */
export function readCodeText(description: string | undefined, sections: readonly Section[]): CodeText {
  const result: CodeText = { text: '', rule: '', anchors: [], terms: [], source: '', meta: {} };
  const raw: Record<'text' | Section, string[]> = { text: [], rule: [], anchors: [], terms: [], source: [] };
  let current: 'text' | Section = 'text';
  for (const block of normaliseLines(description ?? '').split(/\n[ \t]*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith(META_PREFIX) && !trimmed.includes('\n')) {
      for (const token of trimmed.slice(META_PREFIX.length).split(';')) {
        const [k, ...v] = token.split('=');
        const name = k!.trim();
        if (name) result.meta[name] = v.length ? v.join('=').trim() : true;
      }
      continue;
    }
    const section = sections.find((s) => headingPattern(s).test(trimmed));
    if (section) {
      current = section;
      raw[section].push(trimmed.replace(headingPattern(section), ''));
    } else {
      raw[current].push(trimmed);
    }
  }
  result.text = raw.text.join('\n\n');
  result.rule = raw.rule.join('\n\n').trim();
  result.source = raw.source.join('\n\n').trim();
  result.anchors = raw.anchors.flatMap((b) => parseAnchors(b.trim()));
  result.terms = raw.terms
    .join(';')
    .split(/[;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Whether a variable's kind can be told from its values alone (how `codeTreeToVariables` guesses). */
const defaultKind = (valueCount: number): Variable['kind'] => (valueCount >= 2 ? 'single' : 'thematic');

function valueDescription(x: Value, lang: Language): string {
  const meta: Record<string, string | true> = {};
  if (x.key !== baseKey(localize(x.label, lang))) meta.key = x.key;
  if (x.absent) meta.absent = true;
  if (x.score !== undefined) meta.score = String(x.score);
  return writeCodeText({ text: localize(x.definition, lang), rule: localize(x.codingRule, lang), anchors: x.anchors, terms: x.indicatorTerms, meta }, lang);
}

function variableDescription(v: Variable, lang: Language): string {
  const meta: Record<string, string | true> = {};
  if (v.key !== baseKey(localize(v.label, lang))) meta.key = v.key;
  if (v.kind !== defaultKind(v.values.length)) meta.kind = v.kind;
  if (v.level !== 'nominal') meta.level = v.level;
  return writeCodeText({ text: localize(v.description, lang), rule: localize(v.codingRule, lang), source: v.source, meta }, lang);
}

/** The description of a variable group (a `<Set>`). */
export function groupDescription(g: CodebookContent['groups'][number], lang: Language = 'sv'): string {
  return writeCodeText({ text: localize(g.description, lang), meta: g.key !== baseKey(localize(g.label, lang)) ? { key: g.key } : {} }, lang);
}

const description = (text: string) => (text ? `<Description>${esc(text)}</Description>` : '');

/**
 * The `<Code>` elements of a codebook (what goes inside `<Codes>`): each variable a non-codable
 * parent, each value a codable child with its colour. `indent` lays one code per line.
 */
export function codesXml(content: CodebookContent, options: { lang?: Language; indent?: boolean; qualifiedNames?: boolean } = {}): string {
  const lang = options.lang ?? 'sv';
  const nl = (depth: number) => (options.indent ? `\n${'  '.repeat(depth)}` : '');
  const code = (attributes: string, inner: string, close = '') => (inner ? `<Code ${attributes}>${inner}${close}</Code>` : `<Code ${attributes}/>`);
  const valueCode = (x: Value, name: string, depth: number) => nl(depth) + code(`guid="${guidFor(x.id)}" name="${esc(name)}" isCodable="true" color="${x.colour}"`, description(valueDescription(x, lang)));
  return content.variables
    .map((v) => {
      const variableName = localize(v.label, lang);
      // "Variable: Value" makes every name unique across the codebook (programs that key codes by name need it).
      const nameOf = (x: Value) => (options.qualifiedNames ? `${variableName}: ${localize(x.label, lang)}` : localize(x.label, lang));
      // The flat code list of an imported project stays flat.
      if (LOOSE_CODES_VARIABLE_IDS.has(v.id)) return v.values.map((x) => valueCode(x, localize(x.label, lang), 2)).join('');
      // A value with the variable's own id is the parent code itself, codable (imported that way).
      const self = v.values.find((x) => x.id === v.id);
      const children = v.values
        .filter((x) => x !== self)
        .map((x) => valueCode(x, nameOf(x), 3))
        .join('');
      const codable = Boolean(self) || v.exchange?.codable === true;
      const colour = self?.colour ?? v.exchange?.colour;
      const parent = `guid="${guidFor(v.id)}" name="${esc(variableName)}" isCodable="${codable ? 'true' : 'false'}"${colour ? ` color="${colour}"` : ''}`;
      return nl(2) + code(parent, description(variableDescription(v, lang)) + children, children ? nl(2) : '');
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ImportedCode {
  /** Normalised (lower case, no braces); '' when the file gives none. */
  guid: string;
  /** '' when the file gives none. */
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  children: ImportedCode[];
}

export type Xml = Record<string, unknown>;
export const list = (x: unknown): Xml[] => (Array.isArray(x) ? (x as Xml[]) : x === undefined ? [] : [x as Xml]);
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined);

/** The fast-xml-parser settings every REFI-QDA reader uses (attributes without prefix, text kept as written). */
export function qdaParser(arrays: ReadonlySet<string>, removeNSPrefix = true): XMLParser {
  // htmlEntities: without it fast-xml-parser leaves numeric character references (&#xE5;, &#xD;&#xA;,
  // which other QDA programs write for å and line breaks) undecoded. DOCTYPE entities stay capped.
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix, isArray: (name) => arrays.has(name), parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: true });
}

export function readCodes(nodes: Xml[]): ImportedCode[] {
  return nodes.map((c) => ({
    guid: normaliseGuid(str(c.guid)),
    name: str(c.name) ?? '',
    // Required by the schema; a file without it is read as codable (what the programs default to).
    isCodable: ['true', '1', undefined].includes(str(c.isCodable)?.trim()),
    color: str(c.color)?.trim(),
    // Line breaks as \n, however the program wrote them (CRLF, often as &#xD;&#xA;).
    description: str(c.Description)?.replace(/\r\n?/g, '\n'),
    children: readCodes(list(c.Code)),
  }));
}

/** "#abc" → "#aabbcc"; anything that is not an RGB colour → undefined. */
export function rgbColour(colour: string | undefined): string | undefined {
  if (!colour) return undefined;
  if (/^#[0-9a-fA-F]{6}$/.test(colour)) return colour;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(colour);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : undefined;
}

export interface CodeTreeOptions {
  /** The id of the variable made from a top-level code. */
  variableId(code: ImportedCode): string;
  /** The id of the value made from `code` in that variable (`label` is its flattened name). */
  valueId(variableId: string, code: ImportedCode, label: string): string;
  /** The id of the thematic variable "Koder" that holds top-level codes without children. */
  looseVariableId: string;
  /**
   * GUIDs of the codes that codings use (a project). A parent marked codable that is used gets a
   * value "Parent (allmänt)". Undefined for a codebook file: such parents are reported instead.
   */
  usedCodes?: ReadonlySet<string>;
  /** The key a code had before (reading into an existing codebook), used when its description names none. */
  keyOf?(code: ImportedCode, role: 'variable' | 'value'): string | undefined;
}

export interface CodeTreeMapping {
  variables: Variable[];
  /** Code GUID → the value it became. */
  codeToValue: Map<string, { variableId: string; valueId: string }>;
  /** What could not be carried over as it was, in Swedish and English (without a file name; the caller adds it). */
  problems: UserMessage[];
}

const KINDS = new Set<string>(VariableKind.options);
const LEVELS = new Set<string>(MeasurementLevel.options);
/** Kinds and levels as the Swedish interface names them. */
const KIND_SV: Record<Variable['kind'], string> = { single: 'ett värde', multi: 'flera värden', thematic: 'tematisk' };
const LEVEL_SV: Record<Variable['level'], string> = { nominal: 'nominalskala', ordinal: 'ordinalskala', interval: 'intervallskala', ratio: 'kvotskala' };

/**
 * Keys: the valid, unclaimed "key=" of the Överens line (else `hint`) first, then keys derived from
 * the names. `what` names the kind of item in problems ("variabeln" / "variable").
 */
export function assignKeys(items: { name: string; meta: Record<string, string | true>; hint?: string }[], what: UserMessage, problems: UserMessage[]): string[] {
  const taken = new Set<string>();
  const keys: (string | undefined)[] = items.map((item) => {
    const wanted = typeof item.meta.key === 'string' ? item.meta.key : item.hint;
    if (wanted === undefined) return undefined;
    if (!Key.safeParse(wanted).success || taken.has(wanted)) {
      problems.push(
        msg(
          `${what.sv} "${item.name}": nyckeln "${wanted}" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet`,
          `${what.en} "${item.name}": the key "${wanted}" is not usable (taken or not a valid key); a key was made from the name`,
        ),
      );
      return undefined;
    }
    taken.add(wanted);
    return wanted;
  });
  return items.map((item, i) => keys[i] ?? keyFor(item.name, taken));
}

export function codeTreeToVariables(codes: readonly ImportedCode[], options: CodeTreeOptions): CodeTreeMapping {
  const problems: UserMessage[] = [];
  const codeToValue = new Map<string, { variableId: string; valueId: string }>();
  const nameOf = (c: ImportedCode) => c.name.trim() || '(unnamed)';
  // An intermediate code (with children, below the top level) that codings use directly keeps
  // its codings as a value of its own name, before its children "Name / Child".
  const flatten = (code: ImportedCode, prefix: string): { code: ImportedCode; label: string }[] =>
    code.children.length === 0
      ? [{ code, label: `${prefix}${nameOf(code)}` }]
      : [...(code.isCodable && code.guid && options.usedCodes?.has(code.guid) ? [{ code: { ...code, children: [] }, label: `${prefix}${nameOf(code)}` }] : []), ...code.children.flatMap((c) => flatten(c, `${prefix}${nameOf(code)} / `))];

  const makeValues = (variableId: string, variableName: string, entries: { code: ImportedCode; label: string }[]): Value[] => {
    const texts = entries.map((e) => readCodeText(e.code.description, ['rule', 'anchors', 'terms']));
    const keys = assignKeys(entries.map((e, i) => ({ name: e.label, meta: texts[i]!.meta, hint: options.keyOf?.(e.code, 'value') })), msg(`${variableName}: värdet`, `${variableName}: value`), problems);
    let absentSeen = false;
    return entries.map((e, i) => {
      const t = texts[i]!;
      const valueId = options.valueId(variableId, e.code, e.label);
      if (e.code.guid) codeToValue.set(e.code.guid, { variableId, valueId });
      const value: Value = {
        id: valueId,
        key: keys[i]!,
        label: { sv: e.label },
        definition: t.text ? { sv: t.text } : {},
        anchors: t.anchors,
        codingRule: t.rule ? { sv: t.rule } : {},
        indicatorTerms: t.terms,
        colour: rgbColour(e.code.color) ?? PALETTE[i % PALETTE.length]!,
        absent: false,
      };
      if (t.meta.absent === true) {
        if (absentSeen) problems.push(prefixed(`${variableName}: `, msg(`"${e.label}" är markerat som ett andra frånvarande värde ("absent"); bara det första räknas som det`, `"${e.label}" is marked as a second "absent" value; only the first one is`)));
        else value.absent = absentSeen = true;
      }
      if (typeof t.meta.score === 'string') {
        const score = Number(t.meta.score);
        if (t.meta.score.trim() !== '' && Number.isFinite(score)) value.score = score;
        else problems.push(prefixed(`${variableName}: `, msg(`"${e.label}" har poängen (score) "${t.meta.score}", som inte är ett tal; den användes inte`, `"${e.label}" has the score "${t.meta.score}", which is not a number; ignored`)));
      }
      return value;
    });
  };

  const variables: Variable[] = [];
  const variableTexts: CodeText[] = [];
  const variableHints: (string | undefined)[] = [];
  const loose: ImportedCode[] = [];
  for (const code of codes) {
    if (code.children.length === 0 && code.isCodable) {
      loose.push(code);
      continue;
    }
    const name = nameOf(code);
    const variableId = options.variableId(code);
    const about = (sv: string, en: string) => problems.push(prefixed(`${name}: `, msg(sv, en)));
    if (code.children.some((c) => c.children.length)) about('djupare kodnivåer slogs ihop till värden av formen "Kod / Underkod"', 'deeper code levels were flattened into "Parent / Child" values');
    const parentUsed = code.isCodable && options.usedCodes?.has(code.guid);
    if (code.isCodable && !options.usedCodes) {
      about(
        `är en kodbar kod med underkoder; den blir en variabel vars värden är underkoderna, och kodningar på själva "${name}" kan inte föras över`,
        `is a codable code with sub-codes; it becomes a variable whose values are the sub-codes, and codings on "${name}" itself cannot be mapped`,
      );
    }
    // "Variable: Value" names (our QualCoder export profile, unique across the codebook) lose the variable's name again.
    const unqualified = (label: string) => (label.startsWith(`${name}: `) && label.length > name.length + 2 ? label.slice(name.length + 2) : label);
    const entries = [...(parentUsed ? [{ code: { ...code, children: [], description: undefined }, label: `${name} (allmänt)` }] : []), ...code.children.flatMap((c) => flatten(c, '')).map((e) => ({ ...e, label: unqualified(e.label) }))];
    const values = makeValues(variableId, name, entries);
    const t = readCodeText(code.description, ['rule', 'source']);
    variableTexts.push(t);
    variableHints.push(options.keyOf?.(code, 'variable'));
    let kind = defaultKind(values.length);
    if (typeof t.meta.kind === 'string') {
      if (!KINDS.has(t.meta.kind)) about(`okänd variabeltyp "${t.meta.kind}"; lästes som "${KIND_SV[kind]}"`, `unknown kind "${t.meta.kind}"; read as ${kind}`);
      else if (t.meta.kind !== 'thematic' && values.length < 2) {
        const wanted = t.meta.kind as Variable['kind'];
        about(`en variabel av typen "${KIND_SV[wanted]}" (kind=${wanted}) behöver minst två värden; lästes som "${KIND_SV.thematic}"`, `a ${wanted} variable needs at least two values; read as thematic`);
      } else kind = t.meta.kind as Variable['kind'];
    }
    let level: Variable['level'] = 'nominal';
    if (typeof t.meta.level === 'string') {
      if (!LEVELS.has(t.meta.level)) about(`okänd mätnivå "${t.meta.level}"; lästes som ${LEVEL_SV.nominal}`, `unknown measurement level "${t.meta.level}"; read as nominal`);
      else if ((t.meta.level === 'interval' || t.meta.level === 'ratio') && values.some((v) => v.score === undefined)) {
        about(`${LEVEL_SV[t.meta.level]} (level=${t.meta.level}) kräver poäng (score) på varje värde; lästes som ${LEVEL_SV.nominal}`, `${t.meta.level} needs a score on every value; read as nominal`);
      } else level = t.meta.level as Variable['level'];
    }
    const variable: Variable = { id: variableId, key: '', label: { sv: name }, description: t.text ? { sv: t.text } : {}, codingRule: t.rule ? { sv: t.rule } : {}, kind, level, values };
    if (t.source) variable.source = t.source;
    // A codable parent nobody coded on has no value of its own: keep its codability and colour for the export.
    if (code.isCodable && !parentUsed) variable.exchange = { codable: true, ...(code.color && /^#[0-9a-fA-F]{6}$/.test(code.color) ? { colour: code.color } : {}) };
    variables.push(variable);
  }
  if (loose.length) {
    const values = makeValues(options.looseVariableId, 'Koder', loose.map((code) => ({ code, label: nameOf(code) })));
    variables.push({ id: options.looseVariableId, key: '', label: { sv: 'Koder', en: 'Codes' }, description: {}, codingRule: {}, kind: 'thematic', level: 'nominal', values });
    variableTexts.push({ text: '', rule: '', anchors: [], terms: [], source: '', meta: {} });
    variableHints.push(undefined);
  }
  const keys = assignKeys(variables.map((v, i) => ({ name: v.label.sv!, meta: variableTexts[i]!.meta, hint: variableHints[i] })), msg('variabeln', 'variable'), problems);
  variables.forEach((v, i) => (v.key = keys[i]!));
  return { variables, codeToValue, problems };
}

/**
 * Ids of the thematic variable "Koder" that holds top-level codes without children (project and
 * codebook import): exported as top-level codes again, so a flat code list stays flat.
 */
export const LOOSE_CODES_VARIABLE_IDS: ReadonlySet<string> = new Set(['qdpx.koder', 'qdc.koder']);

/** The user id of the final dataset's codings in a .qdpx written by Överens (recomputed, never imported as a coder). */
export const FINAL_USER_ID = 'final';

/**
 * The name of the whole-text selection that carries a judgement in the `qualcoder` and `nvivo`
 * export profiles (refi-qda.ts); our import skips it in a package from Överens, where the source
 * coding carries the same judgement.
 */
export const JUDGEMENT_SELECTION_NAME = 'Överens: bedömning av hela dokumentet / judgement of the whole document';
