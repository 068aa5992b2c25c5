/**
 * REFI-QDA project export (`.qdpx`: a zip of `project.qde` + `sources/`), the QDA exchange
 * standard read by ATLAS.ti, MAXQDA, NVivo and QualCoder (QDA-XML 1.0, urn:QDA-XML:project:1.0).
 * Mapping:
 * - coders → Users (the coder id is already a GUID);
 * - the codebook as in a `.qdc` codebook file (refi-qda-codes.ts): each variable → a non-codable
 *   parent Code, each value → a codable child Code with its colour, and a readable Description
 *   (definition, coding rule, anchor examples, indicator terms); stable GUIDs derived from our ids;
 * - PDF → PDFSource with the original file and a plain-text Representation; DOCX/TXT →
 *   TextSource with `plainTextPath`; passages → PlainTextSelection with Coding/CodeRef and
 *   creatingUser (positions counted in Unicode characters, as the standard counts them);
 * - document-level judgements → Coding on the source; attributes → Variables/VariableValue;
 *   memos on passages, judgements and documents, and consensus reasons → Notes with NoteRef.
 *
 * Export profiles (`QdpxOptions.profile`), for what other programs' readers need:
 * - `standard`: as above; positions in Unicode characters (code points), as REFI-QDA specifies;
 * - `qualcoder`: code names unique across the codebook ("Variable: Value", QualCoder keys codes by
 *   name), selection memos also as the selection's `<Description>` (where QualCoder reads them),
 *   each judgement also as a whole-text selection named `JUDGEMENT_SELECTION_NAME` carrying its
 *   codings, reason and memo (QualCoder reads codings inside selections only), and a PDF's
 *   attributes also on its text Representation (where QualCoder reads them);
 * - `nvivo`: as `qualcoder` but with the names as they are, and positions in UTF-16 code units
 *   (how NVivo counts; an emoji is two), said in `origin` so our own import reads them back.
 */
import JSZip from 'jszip';
import type { CodebookContent, Coder, DocumentContent, DocumentMemo, DocumentMeta, Judgement, Project, Segment } from '../core';
import { codesXml, esc, FINAL_USER_ID, guidFor, JUDGEMENT_SELECTION_NAME } from './refi-qda-codes';

export { guidFor, JUDGEMENT_SELECTION_NAME };

export const QDPX_PROFILES = ['standard', 'qualcoder', 'nvivo'] as const;
export type QdpxProfile = (typeof QDPX_PROFILES)[number];

export interface QdpxOptions {
  profile?: QdpxProfile;
  /** Code names "Variable: Value" (unique across the codebook); on by default for `qualcoder`. */
  qualifiedNames?: boolean;
}


/** `Project@origin` per profile; the NVivo profile's says its positions are UTF-16 units. */
export const ORIGIN_OF_PROFILE: Record<QdpxProfile, string> = { standard: 'Överens', qualcoder: 'Överens (QualCoder profile)', nvivo: 'Överens (NVivo profile: UTF-16 positions)' };

/** For each UTF-16 offset 0…text.length, the code point offset (an offset inside a pair counts as after it). */
export function codePointOffsets(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) map[++i] = count + 1;
    count++;
  }
  map[text.length] = count;
  return map;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** UTF-16 offset → Unicode character (code point) offset. */
export function codePointOffset(text: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return count;
}

export interface QdpxInput {
  project: Project;
  coders: readonly Coder[];
  content: CodebookContent;
  documents: readonly { meta: DocumentMeta; content: DocumentContent; bytes: Uint8Array }[];
  segments: readonly Segment[];
  judgements: readonly Judgement[];
  memos: readonly DocumentMemo[];
  /**
   * The final dataset: written as one more user, `final`, whose source codings are the final
   * values, each with its provenance as a note. The import recomputes it instead of reading it.
   */
  final?: { cells: readonly { unit: string; variableId: string; valueIds: readonly string[]; provenance: string }[]; at: number };
}


export function projectQde(input: QdpxInput, options: QdpxOptions = {}): string {
  const { project, coders, content } = input;
  const profile = options.profile ?? 'standard';
  const forOthers = profile !== 'standard';
  const qualifiedNames = options.qualifiedNames ?? profile === 'qualcoder';
  const notes: string[] = [];
  const note = (text: string, userId: string, at: number) => {
    const guid = guidFor(`note:${userId}:${at}:${notes.length}:${text.slice(0, 20)}`);
    notes.push(`<Note guid="${guid}" creatingUser="${guidFor(userId)}" creationDateTime="${iso(at)}"><PlainTextContent>${esc(text)}</PlainTextContent></Note>`);
    return `<NoteRef targetGUID="${guid}"/>`;
  };
  const finalUser = guidFor('final-dataset');
  const users =
    coders.map((c) => `<User guid="${guidFor(c.id)}" name="${esc(c.name)}" id="${esc(c.kind === 'consensus' ? 'consensus' : c.name)}"/>`).join('') +
    (input.final ? `<User guid="${finalUser}" name="final" id="${FINAL_USER_ID}"/>` : '');
  const codes = codesXml(content, { qualifiedNames });
  const attributes = [...new Set(input.documents.flatMap((d) => Object.keys(d.meta.attributes)))].sort();
  const variables = attributes.map((a) => `<Variable guid="${guidFor(`attribute:${a}`)}" name="${esc(a)}" typeOfVariable="Text"/>`).join('');

  const keyOf = new Map(content.variables.map((v) => [v.id, v.key]));
  const finalByUnit = new Map<string, NonNullable<QdpxInput['final']>['cells'][number][]>();
  for (const c of input.final?.cells ?? []) finalByUnit.set(c.unit, [...(finalByUnit.get(c.unit) ?? []), c]);
  const segmentsByDocument = new Map<string, Segment[]>();
  for (const s of input.segments) {
    if (s.orphaned) continue;
    const list = segmentsByDocument.get(s.documentId);
    if (list) list.push(s);
    else segmentsByDocument.set(s.documentId, [s]);
  }
  const sources = input.documents
    .map(({ meta, content: c }) => {
      const text = c.text;
      // Positions in code points (the standard), or UTF-16 units (NVivo profile: our own offsets).
      const cp = profile === 'nvivo' ? null : codePointOffsets(text);
      const pos = (offset: number) => (cp ? cp[Math.min(Math.max(0, offset), text.length)]! : offset);
      const end = pos(text.length);
      const description = (texts: readonly string[]) => (forOthers && texts.some(Boolean) ? `<Description>${esc(texts.filter(Boolean).join('\n\n'))}</Description>` : '');
      const selections = (segmentsByDocument.get(meta.id) ?? [])
        .map((s) => {
          const memo = s.memo ? note(s.memo, s.coderId, s.updatedAt) : '';
          return `<PlainTextSelection guid="${guidFor(s.id)}" name="${esc(s.selector.quote.exact.slice(0, 60))}" startPosition="${pos(s.selector.position.start)}" endPosition="${pos(s.selector.position.end)}" creatingUser="${guidFor(s.coderId)}" creationDateTime="${iso(s.createdAt)}">${description([s.memo])}<Coding guid="${guidFor(`coding:${s.id}`)}" creatingUser="${guidFor(s.coderId)}" creationDateTime="${iso(s.createdAt)}"><CodeRef targetGUID="${guidFor(s.valueId)}"/></Coding>${memo}</PlainTextSelection>`;
        })
        .join('');
      // For readers that take codings inside selections only: each judgement (and final value) also as a whole-text selection.
      const wholeText = (guid: string, userGuid: string, at: number, valueIds: readonly string[], texts: readonly string[]) =>
        `<PlainTextSelection guid="${guidFor(guid)}" name="${esc(JUDGEMENT_SELECTION_NAME)}" startPosition="0" endPosition="${end}" creatingUser="${userGuid}" creationDateTime="${iso(at)}">${description(texts)}${valueIds.map((v) => `<Coding guid="${guidFor(`${guid}:${v}`)}" creatingUser="${userGuid}" creationDateTime="${iso(at)}"><CodeRef targetGUID="${guidFor(v)}"/></Coding>`).join('')}</PlainTextSelection>`;
      const judgementSelections = !forOthers
        ? ''
        : input.judgements
            .filter((j) => j.documentId === meta.id && j.valueIds.length > 0)
            .map((j) => wholeText(`judgement-selection:${j.id}`, guidFor(j.coderId), j.updatedAt, j.valueIds, [j.resolution?.reason ?? '', j.memo]))
            .join('') +
          (finalByUnit.get(meta.id) ?? [])
            .filter((f) => f.valueIds.length > 0)
            .map((f) => wholeText(`final-selection:${meta.id}:${f.variableId}`, finalUser, input.final!.at, f.valueIds, [`provenance: ${f.provenance}`]))
            .join('');
      const codings = input.judgements
        .filter((j) => j.documentId === meta.id)
        .flatMap((j) =>
          j.valueIds.map((v, i) => {
            // The judgement's notes ride on its first coding: a consensus reason first, then the memo.
            const refs = i > 0 ? '' : `${j.resolution ? note(j.resolution.reason, j.coderId, j.resolution.resolvedAt) : ''}${j.memo ? note(j.memo, j.coderId, j.updatedAt) : ''}`;
            return `<Coding guid="${guidFor(`judgement:${j.id}:${v}`)}" creatingUser="${guidFor(j.coderId)}" creationDateTime="${iso(j.updatedAt)}"><CodeRef targetGUID="${guidFor(v)}"/>${refs}</Coding>`;
          }),
        )
        .join('');
      // The final values as codings of the user "final"; one note per source says each value's provenance.
      const finalCells = (finalByUnit.get(meta.id) ?? []).filter((c) => c.valueIds.length > 0);
      const provenanceNote = finalCells.length ? note(`provenance: ${finalCells.map((c) => `${keyOf.get(c.variableId) ?? c.variableId}=${c.provenance}`).join('; ')}`, 'final-dataset', input.final!.at) : '';
      const finals = finalCells
        .flatMap((c, k) =>
          c.valueIds.map((v, i) => {
            const refs = k === 0 && i === 0 ? provenanceNote : '';
            return `<Coding guid="${guidFor(`final:${meta.id}:${c.variableId}:${v}`)}" creatingUser="${finalUser}" creationDateTime="${iso(input.final!.at)}"><CodeRef targetGUID="${guidFor(v)}"/>${refs}</Coding>`;
          }),
        )
        .join('');
      const noteRefs = input.memos.filter((m) => m.documentId === meta.id).map((m) => note(m.text, m.coderId, m.updatedAt)).join('');
      const values = attributes
        .filter((a) => meta.attributes[a] !== undefined && meta.attributes[a] !== '')
        .map((a) => `<VariableValue><VariableRef targetGUID="${guidFor(`attribute:${a}`)}"/><TextValue>${esc(meta.attributes[a]!)}</TextValue></VariableValue>`)
        .join('');
      const guid = guidFor(meta.id);
      if (meta.kind === 'pdf') {
        const rep = guidFor(`representation:${meta.id}`);
        // QualCoder reads a PDF's attributes from its text Representation.
        return `<PDFSource guid="${guid}" name="${esc(meta.fileName)}" path="internal://${guid}.pdf" creationDateTime="${iso(meta.importedAt)}"><Representation guid="${rep}" name="${esc(meta.fileName)}" plainTextPath="internal://${rep}.txt">${selections}${judgementSelections}${forOthers ? values : ''}</Representation>${codings}${finals}${noteRefs}${values}</PDFSource>`;
      }
      return `<TextSource guid="${guid}" name="${esc(meta.fileName)}" plainTextPath="internal://${guid}.txt" creationDateTime="${iso(meta.importedAt)}">${selections}${judgementSelections}${codings}${finals}${noteRefs}${values}</TextSource>`;
    })
    .join('');

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="${esc(project.name)}" origin="${esc(ORIGIN_OF_PROFILE[profile])}" creationDateTime="${iso(project.createdAt)}" modifiedDateTime="${iso(project.updatedAt)}">`,
    users ? `<Users>${users}</Users>` : '',
    codes ? `<CodeBook><Codes>${codes}</Codes></CodeBook>` : '',
    variables ? `<Variables>${variables}</Variables>` : '',
    sources ? `<Sources>${sources}</Sources>` : '',
    notes.length ? `<Notes>${notes.join('')}</Notes>` : '',
    project.description ? `<Description>${esc(project.description)}</Description>` : '',
    '</Project>',
  ].join('\n');
}

export async function exportQdpx(input: QdpxInput, options: QdpxOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', projectQde(input, options));
  for (const { meta, content, bytes } of input.documents) {
    const guid = guidFor(meta.id);
    if (meta.kind === 'pdf') {
      zip.file(`sources/${guid}.pdf`, bytes);
      zip.file(`sources/${guidFor(`representation:${meta.id}`)}.txt`, content.text);
    } else {
      zip.file(`sources/${guid}.txt`, content.text);
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
