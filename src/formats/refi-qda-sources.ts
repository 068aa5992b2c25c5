/**
 * One REFI-QDA text source (a TextSource, or a PDFSource's text Representation) read into plain
 * data: its text decoded (BOM / declared charset / UTF-8 / Windows-1252 with a warning) and
 * normalised with an offset map, the counting convention of its positions chosen
 * (refi-qda-positions.ts), its selections mapped with the coder of each coding
 * (`Coding@creatingUser` first, the selection's user otherwise), its notes and descriptions.
 * Everything that is not mapped becomes a problem line; nothing is dropped silently. No array is
 * spread into a call, so a source with 200,000 selections reads like one with ten.
 */
import { decodeTextBytes, type UserMessage } from '../core';
import { msg, prefixed } from './messages';
import { chooseConvention, conventionName, normaliseWithMap, type Convention } from './refi-qda-positions';
import { list, normaliseGuid, str, type Xml } from './refi-qda-codes';

export interface ImportedSelection {
  guid: string;
  /** UTF-16 offsets into the normalised text (\n line ends, NFC). */
  start: number;
  end: number;
  /** The selection's creating user (used for codings that name none). */
  creatingUser?: string;
  codeGuids: string[];
  /** The creating user of each of `codeGuids` (same order), where the Coding names one. */
  codingUsers?: (string | undefined)[];
  notes: string[];
}

export interface SourceConvention {
  source: string;
  convention: Convention;
  /** Share of selection boundaries on word boundaries (1 when nothing had to be decided). */
  fit: number;
  /** Whether more than one convention was possible for this text. */
  ambiguous: boolean;
  selections: number;
}

export interface SourceContext {
  preferred: Convention;
  problems: UserMessage[];
  /** Selections to leave out without a word (an Överens export's whole-text copies of its judgements). */
  skipSelection?(sel: Xml): boolean;
  /** Note texts (and their users) by GUID. */
  noteRefs(x: Xml): { text: string; user?: string }[];
}

export const guidOf = (x: unknown) => normaliseGuid(str(x));

/** The text of a `<Description>` element (fast-xml-parser gives a string, or an object for an empty element with attributes). */
export const descriptionOf = (x: unknown): string | undefined => {
  const s = str(x) ?? str((x as Xml | undefined)?.['#text']);
  const t = s?.replace(/\r\n?/g, '\n').trim();
  return t ? t : undefined;
};

/** Decode a source text file; what was guessed is reported. */
export function decodeSourceText(bytes: Uint8Array, name: string, problems: UserMessage[]): string {
  const decoded = decodeTextBytes(bytes);
  if (decoded.by === 'fallback') problems.push(prefixed(`${name}: `, msg('texten var inte UTF-8 och lästes som Windows-1252; kontrollera å, ä, ö och citattecken', 'the text was not UTF-8 and was read as Windows-1252; check å, ä, ö and quotation marks')));
  if (decoded.by === 'guessed-utf-16') problems.push(prefixed(`${name}: `, msg(`texten saknade byte-ordningsmärke och lästes som ${decoded.encoding.toUpperCase()}`, `the text had no byte-order mark and was read as ${decoded.encoding.toUpperCase()}`)));
  return decoded.text;
}

const listed = (items: readonly string[], max = 5) => items.slice(0, max).join(', ') + (items.length > max ? ` … (+${items.length - max})` : '');

/**
 * The selections of `holder` (positions as written) mapped onto the normalised `raw` text, with
 * the convention report. `name` names the source in problems.
 */
export function readSelections(holder: Xml, raw: string, name: string, ctx: SourceContext): { text: string; selections: ImportedSelection[]; convention: SourceConvention } {
  const normalised = normaliseWithMap(raw);
  const text = normalised.text;
  const xml = list(holder.PlainTextSelection);
  const written: { start: number; end: number }[] = new Array(xml.length);
  for (let i = 0; i < xml.length; i++) written[i] = { start: Number(str(xml[i]!.startPosition)), end: Number(str(xml[i]!.endPosition)) };
  const choice = chooseConvention(raw, normalised, written, ctx.preferred);
  const about = (sv: string, en: string) => ctx.problems.push(prefixed(`${name}: `, msg(sv, en)));
  if (choice.ambiguous && xml.length >= 3 && choice.fit < 0.75) {
    const pct = Math.round(choice.fit * 100);
    const c = conventionName(choice.map.convention);
    about(
      `ingen räkning av positioner passar markeringarna väl (bäst: ${c.sv}, ${pct} % av gränserna på ordgränser); kontrollera citaten`,
      `no way of counting positions fits the selections well (best: ${c.en}, ${pct}% of boundaries on word boundaries); check the quotes`,
    );
  }
  const selections: ImportedSelection[] = [];
  const outside: string[] = [];
  const withoutCoding: string[] = [];
  const withoutRef: string[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let usersDiffer = 0;
  for (let i = 0; i < xml.length; i++) {
    const sel = xml[i]!;
    if (ctx.skipSelection?.(sel)) continue;
    const guid = guidOf(sel.guid);
    const start = choice.map.at(written[i]!.start);
    const end = choice.map.at(written[i]!.end);
    if (start === null || end === null || end <= start || end > text.length) {
      outside.push(`${guid} (${str(sel.startPosition)}–${str(sel.endPosition)})`);
      continue;
    }
    if (seen.has(guid)) duplicates.push(guid);
    seen.add(guid);
    const selectionUser = guidOf(sel.creatingUser) || undefined;
    const codeGuids: string[] = [];
    const codingUsers: (string | undefined)[] = [];
    for (const c of list(sel.Coding)) {
      const code = guidOf((c.CodeRef as Xml | undefined)?.targetGUID);
      if (!code) {
        withoutRef.push(guidOf(c.guid) || guid);
        continue;
      }
      const user = guidOf(c.creatingUser) || undefined;
      if (user && selectionUser && user !== selectionUser) usersDiffer++;
      codeGuids.push(code);
      codingUsers.push(user);
    }
    const notes = ctx.noteRefs(sel).map((n) => n.text);
    const description = descriptionOf(sel.Description);
    if (description && !notes.includes(description)) notes.unshift(description);
    if (codeGuids.length === 0) {
      withoutCoding.push(guid);
      continue;
    }
    selections.push({ guid, start, end, ...(selectionUser ? { creatingUser: selectionUser } : {}), codeGuids, codingUsers, notes });
  }
  if (outside.length) about(`${outside.length} markering(ar) ligger utanför texten; hoppades över: ${listed(outside)}`, `${outside.length} selection(s) lie outside the text; skipped: ${listed(outside)}`);
  if (withoutCoding.length) about(`${withoutCoding.length} markering(ar) utan kodning (anteckningar i texten) fördes inte över: ${listed(withoutCoding)}`, `${withoutCoding.length} selection(s) without a coding (annotations) were not imported: ${listed(withoutCoding)}`);
  if (withoutRef.length) about(`${withoutRef.length} kodning(ar) utan CodeRef (ingen kod angiven) hoppades över: ${listed(withoutRef)}`, `${withoutRef.length} coding(s) without a CodeRef (no code given) were skipped: ${listed(withoutRef)}`);
  if (duplicates.length) about(`${duplicates.length} markering(ar) har samma GUID som en annan: ${listed(duplicates)}`, `${duplicates.length} selection(s) share their GUID with another: ${listed(duplicates)}`);
  if (usersDiffer) {
    about(
      `${usersDiffer} kodning(ar) anger en annan användare än sin markering; kodningens användare (Coding@creatingUser) räknas som kodare`,
      `${usersDiffer} coding(s) name another user than their selection; the coding's user (Coding@creatingUser) is taken as the coder`,
    );
  }
  return { text, selections, convention: { source: name, convention: choice.map.convention, fit: choice.fit, ambiguous: choice.ambiguous, selections: selections.length } };
}

/** Codings of the whole source (document-level judgements); a Coding without a CodeRef is reported. */
export function readSourceCodings(source: Xml, name: string, ctx: SourceContext): { codeGuid: string; user?: string; notes?: string[] }[] {
  const out: { codeGuid: string; user?: string; notes?: string[] }[] = [];
  let withoutRef = 0;
  for (const c of list(source.Coding)) {
    const codeGuid = guidOf((c.CodeRef as Xml | undefined)?.targetGUID);
    if (!codeGuid) {
      withoutRef++;
      continue;
    }
    const user = guidOf(c.creatingUser) || undefined;
    out.push({ codeGuid, ...(user ? { user } : {}), notes: ctx.noteRefs(c).map((n) => n.text) });
  }
  if (withoutRef) ctx.problems.push(prefixed(`${name}: `, msg(`${withoutRef} kodning(ar) av hela källan saknar CodeRef (ingen kod angiven); hoppades över`, `${withoutRef} coding(s) of the whole source have no CodeRef (no code given); skipped`)));
  return out;
}
