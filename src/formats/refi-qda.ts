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
 */
import JSZip from 'jszip';
import type { CodebookContent, Coder, DocumentContent, DocumentMemo, DocumentMeta, Judgement, Project, Segment } from '../core';
import { codesXml, esc, FINAL_USER_ID, guidFor } from './refi-qda-codes';

export { guidFor };

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


export function projectQde(input: QdpxInput): string {
  const { project, coders, content } = input;
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
  const codes = codesXml(content);
  const attributes = [...new Set(input.documents.flatMap((d) => Object.keys(d.meta.attributes)))].sort();
  const variables = attributes.map((a) => `<Variable guid="${guidFor(`attribute:${a}`)}" name="${esc(a)}" typeOfVariable="Text"/>`).join('');

  const keyOf = new Map(content.variables.map((v) => [v.id, v.key]));
  const finalByUnit = new Map<string, NonNullable<QdpxInput['final']>['cells'][number][]>();
  for (const c of input.final?.cells ?? []) finalByUnit.set(c.unit, [...(finalByUnit.get(c.unit) ?? []), c]);
  const sources = input.documents
    .map(({ meta, content: c }) => {
      const text = c.text;
      const selections = input.segments
        .filter((s) => s.documentId === meta.id && !s.orphaned)
        .map((s) => {
          const memo = s.memo ? note(s.memo, s.coderId, s.updatedAt) : '';
          return `<PlainTextSelection guid="${guidFor(s.id)}" name="${esc(s.selector.quote.exact.slice(0, 60))}" startPosition="${codePointOffset(text, s.selector.position.start)}" endPosition="${codePointOffset(text, s.selector.position.end)}" creatingUser="${guidFor(s.coderId)}" creationDateTime="${iso(s.createdAt)}"><Coding guid="${guidFor(`coding:${s.id}`)}" creatingUser="${guidFor(s.coderId)}" creationDateTime="${iso(s.createdAt)}"><CodeRef targetGUID="${guidFor(s.valueId)}"/></Coding>${memo}</PlainTextSelection>`;
        })
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
        return `<PDFSource guid="${guid}" name="${esc(meta.fileName)}" path="internal://${guid}.pdf" creationDateTime="${iso(meta.importedAt)}"><Representation guid="${rep}" name="${esc(meta.fileName)}" plainTextPath="internal://${rep}.txt">${selections}</Representation>${codings}${finals}${noteRefs}${values}</PDFSource>`;
      }
      return `<TextSource guid="${guid}" name="${esc(meta.fileName)}" plainTextPath="internal://${guid}.txt" creationDateTime="${iso(meta.importedAt)}">${selections}${codings}${finals}${noteRefs}${values}</TextSource>`;
    })
    .join('');

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="${esc(project.name)}" origin="Överens" creationDateTime="${iso(project.createdAt)}" modifiedDateTime="${iso(project.updatedAt)}">`,
    users ? `<Users>${users}</Users>` : '',
    codes ? `<CodeBook><Codes>${codes}</Codes></CodeBook>` : '',
    variables ? `<Variables>${variables}</Variables>` : '',
    sources ? `<Sources>${sources}</Sources>` : '',
    notes.length ? `<Notes>${notes.join('')}</Notes>` : '',
    project.description ? `<Description>${esc(project.description)}</Description>` : '',
    '</Project>',
  ].join('\n');
}

export async function exportQdpx(input: QdpxInput): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', projectQde(input));
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
