/**
 * REFI-QDA project import (`.qdpx` from ATLAS.ti, MAXQDA, NVivo, QualCoder): the zip is checked
 * (no absolute or ../ entry names, a cap on the unpacked size), `project.qde` parsed
 * (fast-xml-parser), and users, the code tree, sources (internal:// files in `sources/` or
 * `Sources/`), selections with their codings and notes, source codings and variables (on sources
 * or on Cases) read into plain data. Known traps handled: selection positions counted with
 * "\r\n" as one character or as two (detected per source), positions in Unicode characters
 * (converted to UTF-16 offsets), parents marked codable that are only categories. What cannot be
 * mapped is listed in `problems`, never silently dropped.
 */
import JSZip from 'jszip';
import { declaredUnpackedSize, storedEntryNames, unsafeEntryName, type UserMessage } from '../core';
import { msg, prefixed } from './messages';
import { list, normaliseGuid, qdaParser, readCodes, str, type ImportedCode, type Xml } from './refi-qda-codes';

export type { ImportedCode };

export const MAX_QDPX_UNPACKED = 2 * 1024 * 1024 * 1024;

export interface ImportedSelection {
  guid: string;
  /** UTF-16 offsets into the normalised text (\n line ends, NFC). */
  start: number;
  end: number;
  creatingUser?: string;
  codeGuids: string[];
  notes: string[];
}

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
  /** `id` is the User's optional id attribute (Överens writes `id="consensus"` for its consensus coder). */
  users: { guid: string; name: string; id?: string }[];
  codes: ImportedCode[];
  sources: ImportedSource[];
  /** What could not be read as it stands, in Swedish and English; each line starts with the source or path it is about. */
  problems: UserMessage[];
}

const ARRAYS = new Set(['User', 'Code', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Variable', 'VariableValue', 'Case', 'Note', 'NoteRef', 'SourceRef']);

/** Map a position counted in code points of `raw` (optionally counting "\r\n" as one) to a UTF-16 offset into the normalised text. */
function positionMapper(raw: string, crlfAsOne: boolean): (position: number) => number | null {
  // Walk the raw text once, recording for each counted position the normalised UTF-16 offset.
  const offsets: number[] = [0];
  let normalisedLength = 0;
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (raw[i] === '\r' && raw[i + 1] === '\n') {
      if (crlfAsOne) {
        normalisedLength += 1;
        offsets.push(normalisedLength);
        i += 2;
        continue;
      }
      offsets.push(normalisedLength); // the CR itself vanishes in the normalised text
      i += 1;
      continue;
    }
    normalisedLength += raw[i] === '\r' ? 1 : width;
    offsets.push(normalisedLength);
    i += width;
  }
  return (p) => (Number.isInteger(p) && p >= 0 && p < offsets.length ? offsets[p]! : null);
}

const guidOf = (x: unknown) => normaliseGuid(str(x));

/** Media sources the import cannot take, in Swedish (singular, plural). */
const MEDIA_SV: Record<string, [string, string]> = { PictureSource: ['bildkälla', 'bildkällor'], AudioSource: ['ljudkälla', 'ljudkällor'], VideoSource: ['videokälla', 'videokällor'] };

export async function readQdpx(bytes: Uint8Array, fileName = 'project.qdpx'): Promise<{ ok: true; project: QdpxProject } | { ok: false; problems: UserMessage[] }> {
  const fail = (sv: string, en: string) => ({ ok: false as const, problems: [prefixed(`${fileName}: `, msg(sv, en))] });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`är inte ett REFI-QDA-projekt (zip): ${detail}`, `not a REFI-QDA project (zip): ${detail}`);
  }
  const entries = Object.values(zip.files);
  // JSZip adds a folder entry "/" for "../x"; the offending entry itself is reported.
  const unsafe = storedEntryNames(zip).filter((n) => n !== '/' && unsafeEntryName(n));
  if (unsafe.length) return fail(`otillåtna sökvägar i paketet: ${unsafe.join(', ')}`, `forbidden paths in the package: ${unsafe.join(', ')}`);
  if (declaredUnpackedSize(zip) > MAX_QDPX_UNPACKED) return fail('paketet packas upp till mer än 2 GB', 'the package unpacks to more than 2 GB');
  const qdeEntry = entries.find((e) => !e.dir && /(^|\/)[^/]+\.qde$/i.test(e.name));
  if (!qdeEntry) return fail('paketet innehåller ingen project.qde', 'no project.qde in the package');
  const parser = qdaParser(ARRAYS);
  let xml: Xml;
  try {
    xml = parser.parse(await qdeEntry.async('string'), true) as Xml;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`project.qde är inte giltig QDA-XML: ${detail}`, `project.qde is not valid QDA-XML: ${detail}`);
  }
  if (!xml.Project) return fail('project.qde är inte giltig QDA-XML: rotelementet är inte <Project>', 'project.qde is not valid QDA-XML: the root element is not <Project>');
  const root = xml.Project as Xml;
  const problems: UserMessage[] = [];
  // internal:// names a file in the package's sources/ folder (any case). relative:// is relative
  // to the project's basePath, normally outside the package; some programs put those files into
  // the package too, so they are looked for there (as given, then under sources/) before giving up.
  const inSources = (name: string) => zip.file(new RegExp(`^sources/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'))[0] ?? null;
  const fileIn = (path: string | undefined): JSZip.JSZipObject | null => {
    if (!path) return null;
    const m = /^(internal|relative):\/\/(.+)$/i.exec(path);
    if (!m) {
      problems.push(prefixed(`${path}: `, msg('bara källor i paketet (internal:// eller relative://) kan importeras', 'only sources in the package (internal:// or relative://) can be imported')));
      return null;
    }
    const name = m[2]!.replace(/\\/g, '/').replace(/^\.?\//, '');
    if (m[1]!.toLowerCase() === 'internal') return inSources(name);
    const found = (unsafeEntryName(name) ? null : zip.file(name)) ?? inSources(name) ?? inSources(name.split('/').pop()!);
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
  const notes = new Map(list((root.Notes as Xml | undefined)?.Note).map((n) => [guidOf(n.guid), { text: (str(n.PlainTextContent) ?? '').replace(/\r\n?/g, '\n'), user: guidOf(n.creatingUser) || undefined }]));
  const noteRefs = (x: Xml) => list(x.NoteRef).flatMap((r) => notes.get(guidOf(r.targetGUID)) ?? []).filter((n) => n.text !== '');
  const noteTexts = (x: Xml) => noteRefs(x).map((n) => n.text);
  const variableNames = new Map(list((root.Variables as Xml | undefined)?.Variable).map((v) => [guidOf(v.guid), str(v.name) ?? 'variable']));
  const variableValues = (x: Xml) =>
    Object.fromEntries(
      list(x.VariableValue).flatMap((vv) => {
        const name = variableNames.get(guidOf((vv.VariableRef as Xml | undefined)?.targetGUID));
        const value = str(vv.TextValue) ?? str(vv.IntegerValue) ?? str(vv.FloatValue) ?? str(vv.BooleanValue) ?? str(vv.DateValue) ?? str(vv.DateTimeValue);
        return name && value !== undefined ? [[name, value]] : [];
      }),
    );

  const sources: ImportedSource[] = [];
  const sourcesXml = (root.Sources as Xml | undefined) ?? {};
  for (const kind of ['TextSource', 'PDFSource'] as const) {
    for (const s of list(sourcesXml[kind])) {
      const name = str(s.name) ?? guidOf(s.guid);
      const textHolder = kind === 'PDFSource' ? ((s.Representation as Xml | undefined) ?? null) : s;
      if (!textHolder) {
        problems.push(prefixed(`${name}: `, msg('en PDF-källa utan textversion (plain text) kan inte kodas som text; hoppades över', 'a PDF source without a plain-text representation cannot be coded as text; skipped')));
        continue;
      }
      const textFile = fileIn(str(textHolder.plainTextPath));
      const inline = str(textHolder.PlainTextContent);
      if (!textFile && inline === undefined) {
        const path = str(textHolder.plainTextPath);
        problems.push(prefixed(`${name}: `, msg(`textfilen ${path ?? '(ingen angiven)'} saknas i paketet; hoppades över`, `its text file ${path ?? '(none given)'} is missing from the package; skipped`)));
        continue;
      }
      const raw = (textFile ? await textFile.async('string') : inline!).replace(/^\uFEFF/, '');
      const text = raw.replace(/\r\n?/g, '\n').normalize('NFC');
      const selectionsXml = list(textHolder.PlainTextSelection);
      const rawLength = [...raw].length;
      const lfLength = [...raw.replace(/\r\n/g, '\n')].length;
      const maxEnd = Math.max(0, ...selectionsXml.map((x) => Number(str(x.endPosition) ?? 0)));
      const crlfAsOne = !(maxEnd > lfLength && maxEnd <= rawLength);
      const map = positionMapper(raw, crlfAsOne);
      const selections: ImportedSelection[] = [];
      for (const sel of selectionsXml) {
        const start = map(Number(str(sel.startPosition)));
        const end = map(Number(str(sel.endPosition)));
        if (start === null || end === null || end <= start || end > text.length) {
          const span = `${guidOf(sel.guid)} (${str(sel.startPosition)}–${str(sel.endPosition)})`;
          problems.push(prefixed(`${name}: `, msg(`markeringen ${span} ligger utanför texten; hoppades över`, `selection ${span} lies outside the text; skipped`)));
          continue;
        }
        selections.push({
          guid: guidOf(sel.guid),
          start,
          end,
          creatingUser: guidOf(sel.creatingUser) || undefined,
          codeGuids: list(sel.Coding).map((c) => guidOf((c.CodeRef as Xml | undefined)?.targetGUID)).filter(Boolean),
          notes: noteTexts(sel),
        });
      }
      const original = kind === 'PDFSource' ? fileIn(str(s.path)) : null;
      sources.push({
        guid: guidOf(s.guid),
        name,
        kind: kind === 'PDFSource' ? 'pdf' : 'txt',
        text,
        original: original ? await original.async('uint8array') : undefined,
        selections,
        codings: list(s.Coding).map((c) => ({ codeGuid: guidOf((c.CodeRef as Xml | undefined)?.targetGUID), user: guidOf(c.creatingUser) || undefined, notes: noteTexts(c) })),
        variables: variableValues(s),
        notes: noteTexts(s),
        noteUsers: noteRefs(s).map((n) => n.user),
      });
    }
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource']) {
    const n = list(sourcesXml[kind]).length;
    if (n) problems.push(msg(`${n} ${MEDIA_SV[kind]![n === 1 ? 0 : 1]} (${kind}) kan inte importeras (bara text- och PDF-källor)`, `${n} ${kind} element(s) cannot be imported (only text and PDF sources)`));
  }
  // Variables given on Cases apply to the sources the case refers to.
  for (const c of list((root.Cases as Xml | undefined)?.Case)) {
    const values = variableValues(c);
    for (const ref of list(c.SourceRef)) {
      const source = sources.find((s) => s.guid === guidOf(ref.targetGUID));
      if (source) Object.assign(source.variables, values);
    }
  }
  return {
    ok: true,
    project: {
      name: str(root.name) ?? fileName,
      users: list((root.Users as Xml | undefined)?.User).map((u) => ({ guid: guidOf(u.guid), name: str(u.name) ?? str(u.id) ?? guidOf(u.guid), ...(str(u.id) ? { id: str(u.id) } : {}) })),
      codes: readCodes(list(((root.CodeBook as Xml | undefined)?.Codes as Xml | undefined)?.Code)),
      sources,
      problems,
    },
  };
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
