/**
 * REFI-QDA project import (`.qdpx` from ATLAS.ti, MAXQDA, NVivo, QualCoder, Överens) into plain
 * data. The zip is read by the bounded reader (src/core/zip: entry names as stored, every entry
 * inflated through a byte counter that stops at a real cap), `project.qde` decoded by BOM / XML
 * declaration (UTF-8, UTF-16, ISO-8859-1, Windows-1252) and parsed (qda-xml.ts: strict and fast), and users,
 * the code tree, sources (internal:// files in `sources/` or `Sources/`), selections with their
 * codings and notes (refi-qda-sources.ts), source codings, variables (on sources, on their
 * Representation, or on Cases), sets and project notes read. Whatever cannot be mapped — PDF area
 * selections, media sources, links, graphs, sets of notes, duplicate GUIDs — is listed in
 * `problems`, never silently dropped.
 */
import { decodeXmlBytes, formatBytes, unsafeEntryName, ZipArchive, type UserMessage } from '../core';
import { msg, prefixed } from './messages';
import { parseQdaXml } from './qda-xml';
import { JUDGEMENT_SELECTION_NAME, list, normaliseGuid, readCodes, str, type ImportedCode, type Xml } from './refi-qda-codes';
import { conventionOfOrigin } from './refi-qda-positions';
import { decodeSourceText, descriptionOf, guidOf, readSelections, readSourceCodings, type ImportedSelection, type SourceContext, type SourceConvention } from './refi-qda-sources';

export type { ImportedCode, ImportedSelection, SourceConvention };

const MB = 1024 * 1024;
/** What a package may hold: entries, and bytes unpacked per kind of entry and in all. */
export const QDPX_LIMITS = { maxEntries: 100_000, maxEntryBytes: 1024 * MB, maxTotalBytes: 2048 * MB, maxQdeBytes: 512 * MB, maxTextBytes: 128 * MB, maxTextChars: 32_000_000 };

export interface ImportedSource {
  guid: string;
  name: string;
  kind: 'pdf' | 'txt';
  text: string;
  original?: Uint8Array;
  selections: ImportedSelection[];
  /** Codings of the whole source (document-level judgements), with the texts of their notes. */
  codings: { codeGuid: string; user?: string; notes?: string[] }[];
  variables: Record<string, string>;
  notes: string[];
  /** The creating user of each of `notes` (same order), where the note names one. */
  noteUsers?: (string | undefined)[];
}

export interface QdpxProject {
  name: string;
  /** `Project@origin`: the program that wrote the package. */
  origin?: string;
  /** The project's `<Description>` and its notes that belong to nothing else (a project memo). */
  memo?: string;
  /** `id` is the User's optional id attribute (Överens writes `id="consensus"` for its consensus coder). */
  users: { guid: string; name: string; id?: string }[];
  codes: ImportedCode[];
  /** Sets of codes (MAXQDA, ATLAS.ti code groups): become variable groups where they fit. */
  codeSets?: { guid: string; name: string; description?: string; codeGuids: string[] }[];
  sources: ImportedSource[];
  /** How each text source's positions were counted (the import report names it). */
  conventions?: SourceConvention[];
  /** What could not be read as it stands, in Swedish and English; each line starts with the source or path it is about. */
  problems: UserMessage[];
}

const ARRAYS = new Set(['User', 'Code', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'PDFSelection', 'Coding', 'Variable', 'VariableValue', 'Case', 'Note', 'NoteRef', 'SourceRef', 'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'Link', 'Graph']);

/** Media sources the import cannot take, in Swedish (singular, plural). */
const MEDIA_SV: Record<string, [string, string]> = { PictureSource: ['bildkälla', 'bildkällor'], AudioSource: ['ljudkälla', 'ljudkällor'], VideoSource: ['videokälla', 'videokällor'] };

type ReadResult = { ok: true; project: QdpxProject } | { ok: false; problems: UserMessage[] };

export async function readQdpx(bytes: Uint8Array, fileName = 'project.qdpx'): Promise<ReadResult> {
  const fail = (m: UserMessage): ReadResult => ({ ok: false, problems: [prefixed(`${fileName}: `, m)] });
  const opened = ZipArchive.open(bytes, QDPX_LIMITS);
  if (!opened.ok) {
    const p = opened.problem;
    return fail(p.code === 'not-zip' ? msg(`är inte ett REFI-QDA-projekt (zip): ${p.message.sv}`, `not a REFI-QDA project (zip): ${p.message.en}`) : p.message);
  }
  const zip = opened.value;
  // Folder entries ("../") that zip tools add for an unsafe file are named only when they are all there is.
  const unsafeEntries = zip.entries.filter((e) => unsafeEntryName(e.name));
  const unsafe = (unsafeEntries.some((e) => !e.directory) ? unsafeEntries.filter((e) => !e.directory) : unsafeEntries).map((e) => e.name);
  if (unsafe.length) return fail(msg(`otillåtna sökvägar i paketet: ${unsafe.join(', ')}`, `forbidden paths in the package: ${unsafe.join(', ')}`));
  // An honest bomb says what it is: refused before anything is unpacked.
  if (zip.declaredSize > QDPX_LIMITS.maxTotalBytes) {
    const cap = formatBytes(QDPX_LIMITS.maxTotalBytes);
    return fail(msg(`paketet packas upp till mer än ${cap} (${formatBytes(zip.declaredSize)} enligt paketet)`, `the package unpacks to more than ${cap} (${formatBytes(zip.declaredSize)} by its own account)`));
  }
  const qdeName = zip.entries.find((e) => !e.directory && /(^|\/)[^/]+\.qde$/i.test(e.name))?.name;
  if (!qdeName) return fail(msg('paketet innehåller ingen project.qde', 'no project.qde in the package'));
  const qdeBytes = await zip.bytesOf(qdeName, QDPX_LIMITS.maxQdeBytes);
  if (!qdeBytes.ok) return fail(qdeBytes.problem.message);
  const problems: UserMessage[] = [];
  const decodedQde = decodeXmlBytes(qdeBytes.value);
  if (decodedQde.by === 'fallback') problems.push(msg(`${qdeName}: inte UTF-8 och ingen teckenkodning angiven; lästes som Windows-1252`, `${qdeName}: not UTF-8 and no encoding declared; read as Windows-1252`));
  const parsed = parseQdaXml(decodedQde.text, ARRAYS);
  if (!parsed.ok) return fail(msg(`project.qde är inte giltig QDA-XML: ${parsed.error}`, `project.qde is not valid QDA-XML: ${parsed.error}`));
  const xml = parsed.value;
  if (!xml.Project) return fail(msg('project.qde är inte giltig QDA-XML: rotelementet är inte <Project>', 'project.qde is not valid QDA-XML: the root element is not <Project>'));
  const root = xml.Project as Xml;
  const origin = str(root.origin)?.trim() || undefined;

  // Entries by lower-cased name, for sources/ or Sources/ in any case.
  const byLowerName = new Map<string, string>();
  for (const n of zip.names) if (!byLowerName.has(n.toLowerCase())) byLowerName.set(n.toLowerCase(), n);
  const inSources = (name: string) => byLowerName.get(`sources/${name.toLowerCase()}`) ?? null;
  // internal:// names a file in the package's sources/ folder. relative:// is relative to the
  // project's basePath, normally outside the package; some programs put those files into the
  // package too, so they are looked for there (as given, then under sources/) before giving up.
  const entryFor = (path: string | undefined): string | null => {
    if (!path) return null;
    const m = /^(internal|relative):\/\/(.+)$/i.exec(path);
    if (!m) {
      problems.push(prefixed(`${path}: `, msg('bara källor i paketet (internal:// eller relative://) kan importeras', 'only sources in the package (internal:// or relative://) can be imported')));
      return null;
    }
    const name = m[2]!.replace(/\\/g, '/').replace(/^\.?\//, '');
    if (m[1]!.toLowerCase() === 'internal') return inSources(name);
    const found = (unsafeEntryName(name) ? null : (byLowerName.get(name.toLowerCase()) ?? null)) ?? inSources(name) ?? inSources(name.split('/').pop()!);
    if (!found) {
      problems.push(
        prefixed(
          `${path}: `,
          msg(
            'filen ligger utanför paketet (relative:// till projektets basePath) och följde inte med; be avsändaren exportera med källorna inbäddade',
            'the file lies outside the package (relative:// to the project’s basePath) and was not included; ask the sender to export with the sources embedded',
          ),
        ),
      );
    }
    return found;
  };
  const readEntry = async (entry: string, cap: number, about: string): Promise<Uint8Array | null> => {
    const read = await zip.bytesOf(entry, cap);
    if (read.ok) return read.value;
    problems.push(prefixed(`${about}: `, read.problem.message));
    return null;
  };

  // Notes: those referred to from anywhere are taken by what refers to them; the rest are the project's.
  const notes = new Map<string, { text: string; user?: string; used: boolean }>();
  for (const n of list((root.Notes as Xml | undefined)?.Note)) {
    const guid = guidOf(n.guid);
    const text = (str(n.PlainTextContent) ?? descriptionOf(n.Description) ?? '').replace(/\r\n?/g, '\n');
    if (notes.has(guid)) problems.push(msg(`anteckningen ${guid} finns två gånger; den första används`, `note ${guid} appears twice; the first is used`));
    else notes.set(guid, { text, user: guidOf(n.creatingUser) || undefined, used: false });
  }
  const noteRefs = (x: Xml) =>
    list(x.NoteRef).flatMap((r) => {
      const n = notes.get(guidOf(r.targetGUID));
      if (!n) return [];
      n.used = true;
      return n.text === '' ? [] : [{ text: n.text, user: n.user }];
    });
  const preferred = conventionOfOrigin(origin);
  const fromOverens = /^Överens\b/.test(origin ?? '');
  const ctx: SourceContext = { preferred, problems, noteRefs, ...(fromOverens ? { skipSelection: (sel: Xml) => str(sel.name) === JUDGEMENT_SELECTION_NAME } : {}) };

  const variableNames = new Map(list((root.Variables as Xml | undefined)?.Variable).map((v) => [guidOf(v.guid), str(v.name) ?? 'variable']));
  const variableValues = (x: Xml | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const vv of list(x?.VariableValue)) {
      const name = variableNames.get(guidOf((vv.VariableRef as Xml | undefined)?.targetGUID));
      const value = str(vv.TextValue) ?? str(vv.IntegerValue) ?? str(vv.FloatValue) ?? str(vv.BooleanValue) ?? str(vv.DateValue) ?? str(vv.DateTimeValue);
      if (name && value !== undefined) out[name] = value;
    }
    return out;
  };

  const sources: ImportedSource[] = [];
  const conventions: SourceConvention[] = [];
  const sourceGuids = new Set<string>();
  const sourcesXml = (root.Sources as Xml | undefined) ?? {};
  for (const kind of ['TextSource', 'PDFSource'] as const) {
    for (const s of list(sourcesXml[kind])) {
      let guid = guidOf(s.guid);
      const name = str(s.name) ?? guid;
      if (sourceGuids.has(guid)) {
        problems.push(prefixed(`${name}: `, msg(`har samma GUID som en annan källa (${guid}); den fick ett nytt`, `has the GUID of another source (${guid}); it was given a new one`)));
        guid = `${guid}-${sourceGuids.size}`;
      }
      sourceGuids.add(guid);
      const pdfAreas = kind === 'PDFSource' ? list(s.PDFSelection) : [];
      if (pdfAreas.length) {
        const pages = [...new Set(pdfAreas.map((a) => str(a.page) ?? '?'))].slice(0, 10).join(', ');
        problems.push(
          prefixed(
            `${name}: `,
            msg(
              `${pdfAreas.length} områdesmarkering(ar) i PDF:en (PDFSelection, sidor ${pages}) kan inte föras över till text och hoppades över`,
              `${pdfAreas.length} PDF area selection(s) (PDFSelection, pages ${pages}) cannot be mapped to text and were skipped`,
            ),
          ),
        );
      }
      const textHolder = kind === 'PDFSource' ? ((s.Representation as Xml | undefined) ?? null) : s;
      if (!textHolder) {
        problems.push(prefixed(`${name}: `, msg('en PDF-källa utan textversion (plain text) kan inte kodas som text; hoppades över', 'a PDF source without a plain-text representation cannot be coded as text; skipped')));
        continue;
      }
      const textEntry = entryFor(str(textHolder.plainTextPath));
      const inline = str(textHolder.PlainTextContent);
      if (!textEntry && inline === undefined) {
        const path = str(textHolder.plainTextPath);
        problems.push(prefixed(`${name}: `, msg(`textfilen ${path ?? '(ingen angiven)'} saknas i paketet; hoppades över`, `its text file ${path ?? '(none given)'} is missing from the package; skipped`)));
        continue;
      }
      let raw: string;
      if (textEntry) {
        const textBytes = await readEntry(textEntry, QDPX_LIMITS.maxTextBytes, name);
        if (!textBytes) continue;
        raw = decodeSourceText(textBytes, name, problems);
      } else raw = inline!.replace(/^\uFEFF/, '');
      // The same caps as a text file imported on its own (src/ingest/types.ts: 128 MB, 32 million characters).
      if (raw.length > QDPX_LIMITS.maxTextChars) {
        const chars = QDPX_LIMITS.maxTextChars.toLocaleString('sv-SE');
        problems.push(prefixed(`${name}: `, msg(`texten är längre än ${chars} tecken; källan hoppades över`, `its text is longer than ${QDPX_LIMITS.maxTextChars.toLocaleString('en-GB')} characters; the source was skipped`)));
        continue;
      }
      const { text, selections, convention } = readSelections(textHolder, raw, name, ctx);
      conventions.push(convention);
      const originalEntry = kind === 'PDFSource' ? entryFor(str(s.path)) : null;
      const original = originalEntry ? await readEntry(originalEntry, QDPX_LIMITS.maxEntryBytes, name) : null;
      const sourceNotes = noteRefs(s);
      const description = descriptionOf(s.Description);
      if (description) sourceNotes.unshift({ text: description, user: guidOf(s.creatingUser) || undefined });
      // Variables on the source and (as QualCoder writes and reads them for PDFs) on its Representation.
      const variables = kind === 'PDFSource' ? { ...variableValues(textHolder), ...variableValues(s) } : variableValues(s);
      sources.push({
        guid,
        name,
        kind: kind === 'PDFSource' ? 'pdf' : 'txt',
        text,
        ...(original ? { original } : {}),
        selections,
        codings: [...readSourceCodings(s, name, ctx), ...(kind === 'PDFSource' ? readSourceCodings(textHolder, name, ctx) : [])],
        variables,
        notes: sourceNotes.map((n) => n.text),
        noteUsers: sourceNotes.map((n) => n.user),
      });
    }
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource']) {
    const n = list(sourcesXml[kind]).length;
    if (n) problems.push(msg(`${n} ${MEDIA_SV[kind]![n === 1 ? 0 : 1]} (${kind}) kan inte importeras (bara text- och PDF-källor)`, `${n} ${kind} element(s) cannot be imported (only text and PDF sources)`));
  }
  const sourceByGuid = new Map(sources.map((s) => [s.guid, s]));
  // Variables given on Cases apply to the sources the case refers to.
  for (const c of list((root.Cases as Xml | undefined)?.Case)) {
    const values = variableValues(c);
    for (const ref of list(c.SourceRef)) {
      const source = sourceByGuid.get(guidOf(ref.targetGUID));
      if (source) Object.assign(source.variables, values);
    }
  }

  // Sets: of sources → a document attribute per set; of codes → variable groups (mapped later); of notes → listed.
  const codeSets: NonNullable<QdpxProject['codeSets']> = [];
  for (const set of list((root.Sets as Xml | undefined)?.Set)) {
    const name = (str(set.name) ?? guidOf(set.guid)).trim() || guidOf(set.guid);
    const members = list(set.MemberSource);
    for (const ref of members) {
      const source = sourceByGuid.get(guidOf(ref.targetGUID));
      if (source) source.variables[`set: ${name}`.slice(0, 64)] = '1';
    }
    if (members.length) problems.push(msg(`Mängden "${name}" (${members.length} källor) blev dokumentattributet "set: ${name}" = 1`, `The set "${name}" (${members.length} sources) became the document attribute "set: ${name}" = 1`));
    const codes = list(set.MemberCode).map((r) => guidOf(r.targetGUID));
    if (codes.length) codeSets.push({ guid: guidOf(set.guid), name, ...(descriptionOf(set.Description) ? { description: descriptionOf(set.Description) } : {}), codeGuids: codes });
    const memberNotes = list(set.MemberNote).length;
    if (memberNotes) problems.push(msg(`Mängden "${name}": ${memberNotes} anteckning(ar) som medlemmar kan inte föras över`, `The set "${name}": ${memberNotes} note member(s) cannot be mapped`));
  }
  const links = list((root.Links as Xml | undefined)?.Link).length;
  if (links) problems.push(msg(`${links} länk(ar) (Links) mellan delar av projektet kan inte föras över`, `${links} link(s) (Links) between parts of the project cannot be mapped`));
  const graphs = list((root.Graphs as Xml | undefined)?.Graph).length;
  if (graphs) problems.push(msg(`${graphs} diagram (Graphs) kan inte föras över`, `${graphs} graph(s) (Graphs) cannot be mapped`));

  // Users; a GUID given twice is one user (the first name), reported.
  const users: QdpxProject['users'] = [];
  const userGuids = new Set<string>();
  for (const u of list((root.Users as Xml | undefined)?.User)) {
    const guid = guidOf(u.guid);
    const name = str(u.name) ?? str(u.id) ?? guid;
    if (userGuids.has(guid)) {
      problems.push(msg(`Användaren "${name}" har samma GUID som en annan (${guid}); de räknas som en`, `User "${name}" has the GUID of another (${guid}); they count as one`));
      continue;
    }
    userGuids.add(guid);
    users.push({ guid, name, ...(str(u.id) ? { id: str(u.id) } : {}) });
  }

  const codes = readCodes(list(((root.CodeBook as Xml | undefined)?.Codes as Xml | undefined)?.Code));
  dedupeCodeGuids(codes, problems);

  // Project memo: the description and the notes nothing refers to (ATLAS.ti memos, NVivo project notes).
  const memoParts: string[] = [];
  const projectDescription = descriptionOf(root.Description);
  if (projectDescription) memoParts.push(projectDescription);
  noteRefs(root).forEach((n) => memoParts.push(n.text));
  let loose = 0;
  for (const n of notes.values()) {
    if (!n.used && n.text.trim()) {
      memoParts.push(n.text.trim());
      loose++;
    }
  }
  if (loose) problems.push(msg(`${loose} anteckning(ar) på projektnivå blev projektets beskrivning`, `${loose} project-level note(s) became the project's description`));

  return {
    ok: true,
    project: {
      name: str(root.name) ?? fileName,
      ...(origin ? { origin } : {}),
      ...(memoParts.length ? { memo: memoParts.join('\n\n') } : {}),
      users,
      codes,
      ...(codeSets.length ? { codeSets } : {}),
      sources,
      conventions,
      problems,
    },
  };
}

/** A code GUID given twice would merge two codes: the second (and later) gets a new GUID, reported. */
function dedupeCodeGuids(codes: ImportedCode[], problems: UserMessage[]): void {
  const seen = new Set<string>();
  const stack = [...codes];
  let n = 0;
  while (stack.length) {
    const c = stack.shift()!;
    if (c.guid && seen.has(c.guid)) {
      const fresh = normaliseGuid(`${c.guid.slice(0, 24)}${(0x100000000000 + ++n).toString(16).slice(-12)}`);
      problems.push(msg(`Koden "${c.name}" har samma GUID som en annan kod (${c.guid}); den fick ett nytt, och kodningar med det GUID:t räknas till den första`, `Code "${c.name}" has the GUID of another code (${c.guid}); it was given a new one, and codings with that GUID count for the first`));
      c.guid = fresh;
    }
    if (c.guid) seen.add(c.guid);
    for (const child of c.children) stack.push(child);
  }
}

/** Counts and problems, for `overens qdpx --json` (which prints the problems' English texts). */
export function qdpxSummary(project: QdpxProject) {
  const countCodes = (codes: ImportedCode[]): number => codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
  return {
    users: project.users.length,
    sources: project.sources.length,
    codes: countCodes(project.codes),
    selections: project.sources.reduce((n, s) => n + s.selections.length, 0),
    codings: project.sources.reduce((n, s) => n + s.selections.reduce((m, x) => m + x.codeGuids.length, 0) + s.codings.length, 0),
    variables: new Set(project.sources.flatMap((s) => Object.keys(s.variables))).size,
    problems: project.problems,
  };
}
