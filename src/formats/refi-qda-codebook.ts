/**
 * REFI-QDA codebook exchange (`.qdc`, QDA-XML codebook 1.0, urn:QDA-XML:codebook:1.0), read and
 * written by ATLAS.ti, MAXQDA, NVivo and QualCoder. The codes are written exactly as inside a
 * `.qdpx` project (refi-qda-codes.ts), with the same GUIDs, so a codebook and a project agree.
 *
 * Export (`exportQdc` for a codebook version, `exportTemplateQdc` for a JSON codebook file):
 * `<CodeBook origin="Överens 0.1.0 – name, version n">` with `<Codes>` (each variable a
 * non-codable parent code, each value a codable child code with its colour; descriptions as
 * readable text: definition, "Kodregel:", "Ankarexempel:", "Indikatorord:", "Källa:", and an
 * "Överens:" line only where a key, kind, measurement level, absent value or score needs it) and
 * `<Sets>` (one per variable group, its variables as `MemberCode guid=…`, as Codebook.xsd has it).
 *
 * Import (`readQdc`): the codebook namespace, or a `<CodeBook>` in the project namespace, or a
 * whole `project.qde` (its codebook is read). Mapping (shared with the `.qdpx` import):
 * - a top-level code with sub-codes → a variable, its sub-codes → values ("single" with two or
 *   more values, else "thematic", unless the "Överens:" line says otherwise);
 * - deeper levels are flattened into "Sub / Subsub" values (reported);
 * - a parent marked codable (ATLAS.ti and MAXQDA use codes as categories) stays a variable;
 *   that codings on the parent itself cannot be mapped is reported;
 * - top-level codes without sub-codes → values of one thematic variable "Koder", the same as a
 *   `.qdpx` import does (a flat ATLAS.ti code list is a list of themes, not one categorical
 *   variable); a non-codable top-level code without sub-codes → a thematic variable without values;
 * - sets whose members are top-level codes → variable groups (other members are reported);
 * - keys from the "Överens:" line, else from the name (å/ä/ö → a/a/o, other characters → "_",
 *   starting with a letter, "_2", "_3" … when taken); colours kept ("#abc" widened), missing
 *   ones from the palette;
 * - ids: read into a codebook (`basis`: its versions), a code whose GUID `guidFor` makes from one
 *   of its ids gets that id back, so codings stay linked, and its key unless the file names one
 *   (a code renamed in another program keeps its column name); any other code's id is its GUID.
 *
 * Fatal (nothing read): not well-formed XML, another root or namespace, no codes, a code without
 * a name or GUID, a GUID used twice, a result the codebook model refuses. Every problem names the
 * file and is in Swedish and English (the model's own messages, "path: message", are the same in both).
 *
 * Not carried by the format: English texts (one language, Swedish first, is written and read
 * back as Swedish), derived-variable rules, the codebook's description and template id, ids.
 * Read into the codebook it came from (`basis`), these come back from it: a text whose Swedish
 * is unchanged keeps its English, a derived variable its rule (while its variables and values
 * are there) — so exporting and importing again changes nothing. Everything else round-trips.
 */
import { XMLValidator } from 'fast-xml-parser';
import { CodebookTemplate, localize, type LocalizedNote, type Codebook, type CodebookContent, type CodebookVersion, type UserMessage, type Variable, type VariableGroup } from '../core';
import { issueMessages, msg, prefixed } from './messages';
import { assignKeys, codesXml, codeTreeToVariables, esc, groupDescription, guidFor, isGuid, keyFor, list, normaliseGuid, qdaParser, readCodeText, readCodes, str, type CodeText, type ImportedCode, type Xml } from './refi-qda-codes';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdcExportOptions {
  /** The app's version, written into `origin` ("Överens 0.1.0 – …"). */
  appVersion?: string;
}

/** The `origin` attribute: the program, then the codebook's name and version (the format has no other place for them). */
export function qdcOrigin(name: string, versionNumber: number | undefined, options: QdcExportOptions = {}): string {
  return `Överens${options.appVersion ? ` ${options.appVersion}` : ''} – ${name}${versionNumber !== undefined ? `, version ${versionNumber}` : ''}`;
}

function qdcXml(content: CodebookContent, origin: string): string {
  const { groups, variables } = content;
  if (variables.length === 0) throw new Error('The codebook has no variables; a REFI-QDA codebook needs at least one code.');
  const sets = groups
    .map((g) => {
      const members = variables.filter((v) => v.groupId === g.id).map((v) => `\n      <MemberCode guid="${guidFor(v.id)}"/>`).join('');
      const description = groupDescription(g);
      return `\n    <Set guid="${guidFor(g.id)}" name="${esc(localize(g.label, 'sv'))}">${description ? `<Description>${esc(description)}</Description>` : ''}${members}${members ? '\n    ' : ''}</Set>`;
    })
    .join('');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${esc(origin)}">`,
    `  <Codes>${codesXml(content, { indent: true })}\n  </Codes>`,
    ...(sets ? [`  <Sets>${sets}\n  </Sets>`] : []),
    '</CodeBook>',
    '',
  ].join('\n');
}

/** A REFI-QDA codebook (`.qdc`) of one codebook version. Throws when the version has no variables (a codebook file needs a code). */
export function exportQdc(codebook: Codebook, version: CodebookVersion, options: QdcExportOptions = {}): string {
  return qdcXml(version.content, qdcOrigin(localize(codebook.name, 'sv'), version.number, options));
}

/** A REFI-QDA codebook of a codebook template (a JSON codebook file). Throws when it has no variables. */
export function exportTemplateQdc(template: CodebookTemplate, options: QdcExportOptions = {}): string {
  return qdcXml(template.content, qdcOrigin(localize(template.name, 'sv'), undefined, options));
}

/** Problems are in Swedish and English, each starting with the file name. */
export type QdcImport = { ok: true; template: CodebookTemplate; problems: UserMessage[] } | { ok: false; problems: UserMessage[] };

export interface QdcReadOptions {
  /**
   * The versions of the codebook the file is read into, oldest first: a code whose GUID
   * `guidFor` makes from one of their ids gets that id back, and what the format does not carry
   * comes from the latest version that has the id (see the module comment).
   */
  basis?: readonly CodebookContent[];
}

/** Bytes of a `.qdc` as text: UTF-16 when a byte-order mark says so, else UTF-8 (a UTF-8 BOM dropped). */
export function decodeQdc(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function notWellFormed(text: string): UserMessage | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { msg: detail, line, col } = result.err;
  const open = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(detail);
  // The validator's other messages ("Expected closing tag …") are English in both languages.
  const unclosed = open ? [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).join(', ') : undefined;
  const message = unclosed ? msg(`element som inte stängs: ${unclosed}`, `elements not closed: ${unclosed}`) : msg(detail, detail);
  const where = (lineWord: string, columnWord: string) => (line !== undefined ? `${lineWord} ${line}${col !== undefined ? `, ${columnWord} ${col}` : ''}: ` : '');
  return msg(`inte välformad XML (${where('rad', 'kolumn')}${message.sv})`, `not well-formed XML (${where('line', 'column')}${message.en})`);
}

const ROOT_WANTED = msg(`<CodeBook> i namnrymden ${QDC_NAMESPACE}`, `<CodeBook> in namespace ${QDC_NAMESPACE}`);

/** Find the root element (before namespace prefixes are dropped) and check name and namespace. */
function checkRoot(text: string): { root: 'CodeBook' | 'Project'; note?: UserMessage } | { error: UserMessage } {
  const doc = qdaParser(new Set(), false).parse(text) as Xml;
  const elements = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (elements.length !== 1) {
    const found = elements.map((e) => `<${e}>`).join(', ');
    return { error: msg(`väntade ett rotelement ${ROOT_WANTED.sv}, hittade ${found || 'inget'}`, `expected one root element ${ROOT_WANTED.en}, found ${found || 'none'}`) };
  }
  const qualified = elements[0]!;
  const [prefix, local] = qualified.includes(':') ? (qualified.split(':', 2) as [string, string]) : [undefined, qualified];
  const attributes = (typeof doc[qualified] === 'object' && doc[qualified] !== null ? doc[qualified] : {}) as Xml;
  const namespace = str(attributes[prefix ? `xmlns:${prefix}` : 'xmlns']);
  if (local === 'CodeBook') {
    if (namespace === QDC_NAMESPACE || namespace === QDA_PROJECT_NAMESPACE) return { root: 'CodeBook' };
    if (namespace === undefined) return { root: 'CodeBook', note: msg(`rotelementet <CodeBook> har ingen namnrymd; lästes som ${QDC_NAMESPACE}`, `the root element <CodeBook> has no namespace; read as ${QDC_NAMESPACE}`) };
    return { error: msg(`rotelementet <CodeBook> ligger i namnrymden "${namespace}", inte ${QDC_NAMESPACE} (en REFI-QDA-kodbok)`, `the root element <CodeBook> is in namespace "${namespace}", not ${QDC_NAMESPACE} (a REFI-QDA codebook)`) };
  }
  if (local === 'Project' && namespace === QDA_PROJECT_NAMESPACE) return { root: 'Project', note: msg('ett REFI-QDA-projekt (project.qde): bara dess kodbok läses in', 'a REFI-QDA project (project.qde): only its codebook is read') };
  return {
    error: msg(
      `rotelementet är <${qualified}>${namespace ? ` i namnrymden "${namespace}"` : ''}, inte ${ROOT_WANTED.sv} (en REFI-QDA-kodbok)`,
      `the root element is <${qualified}>${namespace ? ` in namespace "${namespace}"` : ''}, not ${ROOT_WANTED.en} (a REFI-QDA codebook)`,
    ),
  };
}

function checkCodes(codes: readonly ImportedCode[]): UserMessage[] {
  const problems: UserMessage[] = [];
  const byGuid = new Map<string, string[]>();
  const walk = (cs: readonly ImportedCode[], path: string) => {
    for (const c of cs) {
      const name = c.name.trim();
      const where = path ? ` (under "${path}")` : '';
      if (!name) problems.push(msg(`en kod${c.guid ? ` med GUID ${c.guid}` : ''}${where} saknar namn`, `a code${c.guid ? ` with GUID ${c.guid}` : ''}${where} has no name`));
      if (!c.guid) problems.push(msg(`koden "${name || '(namnlös)'}"${where} saknar GUID`, `the code "${name || '(unnamed)'}"${where} has no GUID`));
      else byGuid.set(c.guid, [...(byGuid.get(c.guid) ?? []), name]);
      walk(c.children, path ? `${path} / ${name}` : name);
    }
  };
  walk(codes, '');
  for (const [guid, names] of byGuid) {
    if (names.length > 1) {
      const quoted = (unnamed: string) => names.map((n) => `"${n || unnamed}"`).join(', ');
      problems.push(msg(`GUID ${guid} används av ${names.length} koder (${quoted('(namnlös)')}); varje GUID måste vara unik`, `the GUID ${guid} is used by ${names.length} codes (${quoted('(unnamed)')}); GUIDs must be unique`));
    }
  }
  return problems;
}

/** What the format does not carry, from the codebook the file is read into (see the module comment). */
function keepFromBasis(content: CodebookContent, basis: readonly CodebookContent[], problems: UserMessage[]): void {
  const latest = <T extends { id: string }>(pick: (c: CodebookContent) => T[]) => {
    const byId = new Map<string, T>();
    for (const c of basis) for (const x of pick(c)) byId.set(x.id, x);
    return byId;
  };
  const groups = latest((c) => c.groups);
  const variables = latest((c) => c.variables);
  const values = latest((c) => c.variables.flatMap((v) => v.values));
  // The file has the Swedish text (or the English one where there was no Swedish): unchanged → the text as it was.
  const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
  const keep = <T extends LocalizedNote>(read: T, before: T | undefined): T => (before && same(read.sv ?? '', localize(before, 'sv')) ? structuredClone(before) : read);
  for (const g of content.groups) {
    const before = groups.get(g.id);
    g.label = keep(g.label, before?.label);
    g.description = keep(g.description, before?.description);
  }
  for (const v of content.variables) {
    const before = variables.get(v.id);
    v.label = keep(v.label, before?.label);
    v.description = keep(v.description, before?.description);
    v.codingRule = keep(v.codingRule, before?.codingRule);
    for (const x of v.values) {
      const was = values.get(x.id);
      x.label = keep(x.label, was?.label);
      x.definition = keep(x.definition, was?.definition);
      x.codingRule = keep(x.codingRule, was?.codingRule);
    }
  }
  for (const v of content.variables) {
    const derived = variables.get(v.id)?.derived;
    if (!derived) continue;
    const ids = new Set(v.values.map((x) => x.id));
    const intact =
      v.kind === 'single' &&
      ids.has(derived.then) &&
      ids.has(derived.otherwise) &&
      derived.components.every((c) => {
        const component = content.variables.find((x) => x.id === c.variableId);
        return component && c.valueIds.every((id) => component.values.some((x) => x.id === id));
      });
    if (intact) v.derived = structuredClone(derived);
    else {
      problems.push(
        prefixed(
          `${localize(v.label, 'sv')}: `,
          msg('dess härledningsregel hänvisar till variabler eller värden som inte längre finns; den är nu en vanlig variabel', 'its derivation rule refers to variables or values that are no longer there; it is an ordinary variable now'),
        ),
      );
    }
  }
}

/** The codebook's name: from an Överens `origin`, else the file name without its extension. */
function nameOf(origin: string | undefined, fileName: string): string {
  const m = origin ? /^Överens(?: \S+)? – ([\s\S]+?)(?:, version \d+)?$/.exec(origin) : null;
  return m?.[1]?.trim() || fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'REFI-QDA';
}

/**
 * Read a REFI-QDA codebook into an Överens codebook template. Nothing is returned when the file is
 * not a codebook or the codebook cannot be valid (problems say why); otherwise `problems` lists
 * what was not carried over as it stood. Every problem names the file.
 */
export function readQdc(text: string, fileName: string, options: QdcReadOptions = {}): QdcImport {
  const named = (problems: readonly UserMessage[]) => problems.map((p) => prefixed(`${fileName}: `, p));
  const fail = (...problems: UserMessage[]): QdcImport => ({ ok: false, problems: named(problems) });
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return fail(msg('filen är tom', 'the file is empty'));
  const malformed = notWellFormed(text);
  if (malformed) return fail(malformed);
  const root = checkRoot(text);
  if ('error' in root) return fail(root.error);
  const problems: UserMessage[] = root.note ? [root.note] : [];

  const doc = qdaParser(new Set(['Code', 'Set', 'MemberCode'])).parse(text) as Xml;
  const codebookXml = (root.root === 'Project' ? (doc.Project as Xml | undefined)?.CodeBook : doc.CodeBook) as Xml | string | undefined;
  const codebook = typeof codebookXml === 'object' ? codebookXml : {};
  const codes = readCodes(list((codebook.Codes as Xml | undefined)?.Code));
  if (codes.length === 0) return fail(msg('kodboken har inga koder', 'the codebook has no codes'));
  const codeProblems = checkCodes(codes);
  const setsXml = list(((root.root === 'Project' ? (doc.Project as Xml).Sets : codebook.Sets) as Xml | undefined)?.Set);
  const codeGuids = new Set<string>();
  const collect = (cs: readonly ImportedCode[]): void => {
    for (const c of cs) {
      codeGuids.add(c.guid);
      collect(c.children);
    }
  };
  collect(codes);
  const setGuids = new Set<string>();
  for (const s of setsXml) {
    const guid = normaliseGuid(str(s.guid));
    if (!guid) continue;
    if (codeGuids.has(guid) || setGuids.has(guid)) {
      const name = str(s.name) ?? '';
      codeProblems.push(msg(`GUID ${guid} för gruppen (Set) "${name}" används två gånger; varje GUID måste vara unik`, `the GUID ${guid} of the set "${name}" is used twice; GUIDs must be unique`));
    }
    setGuids.add(guid);
  }
  if (codeProblems.length) return fail(...codeProblems);

  // Read into a codebook: its ids by GUID, and the keys they had (a code renamed elsewhere keeps its key).
  const known = new Map<string, string>();
  const keys = { variable: new Map<string, string>(), value: new Map<string, string>(), group: new Map<string, string>() };
  for (const c of options.basis ?? []) {
    const items: (readonly [keyof typeof keys, { id: string; key: string }])[] = [...c.groups.map((g) => ['group', g] as const), ...c.variables.flatMap((v) => [['variable', v] as const, ...v.values.map((x) => ['value', x] as const)])];
    for (const [role, item] of items) {
      known.set(guidFor(item.id), item.id);
      keys[role].set(item.id, item.key);
    }
  }
  // A GUID is an id as it stands (and `guidFor` gives it back on export); anything else is hashed into one.
  const idFor = (guid: string) => known.get(guid) ?? (isGuid(guid) ? guid : guidFor(guid));
  const mapped = codeTreeToVariables(codes, {
    variableId: (code) => idFor(code.guid),
    valueId: (_variableId, code) => idFor(code.guid),
    looseVariableId: 'qdc.koder',
    keyOf: (code, role) => keys[role].get(idFor(code.guid)),
  });
  for (const p of mapped.problems) problems.push(p);
  const variables = mapped.variables;

  // Sets → variable groups.
  const variableByGuid = new Map(codes.filter((c) => c.children.length > 0 || !c.isCodable).map((c) => [c.guid, variables.find((v) => v.id === idFor(c.guid))!]));
  const sets: { guid: string; name: string; text: CodeText; members: Variable[] }[] = [];
  for (const s of setsXml) {
    const name = str(s.name)?.trim();
    const guid = normaliseGuid(str(s.guid));
    if (!name || !guid) {
      problems.push(name ? msg(`en grupp (Set) "${name}" utan GUID hoppades över`, `a set "${name}" without a GUID was skipped`) : msg('en grupp (Set) utan namn hoppades över', 'a set without a name was skipped'));
      continue;
    }
    const members = list(s.MemberCode).map((m) => normaliseGuid(str(m.guid) ?? str(m.targetGUID)));
    const memberVariables = members.map((m) => variableByGuid.get(m)).filter((v) => v !== undefined);
    const others = members.length - memberVariables.length;
    if (memberVariables.length === 0 && members.length > 0) {
      problems.push(
        msg(
          `gruppen (Set) "${name}": dess ${members.length} medlemskod(er) är inte koder på översta nivån (variabler); grupper i Överens rymmer bara variabler, så gruppen hoppades över`,
          `set "${name}": its ${members.length} member code(s) are not top-level codes (variables); Överens groups hold variables only, so the set was skipped`,
        ),
      );
      continue;
    }
    if (others > 0) {
      problems.push(
        msg(
          `gruppen (Set) "${name}": ${others} medlemskod(er) som inte är koder på översta nivån (variabler) lämnades utanför`,
          `set "${name}": ${others} member code(s) that are not top-level codes (variables) were left out`,
        ),
      );
    }
    sets.push({ guid, name, text: readCodeText(str(s.Description), []), members: memberVariables });
  }
  const groupKeys = assignKeys(sets.map((s) => ({ name: s.name, meta: s.text.meta, hint: keys.group.get(idFor(s.guid)) })), msg('gruppen (Set)', 'set'), problems);
  const groups: VariableGroup[] = sets.map((s, i) => ({ id: idFor(s.guid), key: groupKeys[i]!, label: { sv: s.name }, description: s.text.text ? { sv: s.text.text } : {} }));
  sets.forEach((s, i) => {
    for (const v of s.members) {
      if (v.groupId === undefined) v.groupId = groups[i]!.id;
      else {
        const label = localize(v.label, 'sv');
        const first = groups.find((g) => g.id === v.groupId)?.label.sv;
        problems.push(msg(`"${label}" finns i mer än en grupp (Set); den stannar i den första ("${first}")`, `"${label}" is in more than one set; it stays in the first ("${first}")`));
      }
    }
  });

  const content: CodebookContent = { groups, variables };
  if (options.basis?.length) keepFromBasis(content, options.basis, problems);
  const origin = str(codebook.origin);
  const name = nameOf(origin, fileName);
  const candidate = {
    format: 'overens-codebook' as const,
    formatVersion: 1 as const,
    id: `qdc.${keyFor(name, new Set())}`,
    name: { sv: name },
    description: {},
    source: origin ? `${fileName} (${origin})` : fileName,
    language: 'sv' as const,
    content,
  };
  const parsed = CodebookTemplate.safeParse(candidate);
  if (!parsed.success) return fail(...problems, ...issueMessages(parsed.error.issues));
  return { ok: true, template: parsed.data, problems: named(problems) };
}
