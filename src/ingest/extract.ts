/**
 * Import one file: recognise it by content (not name), extract text, page offsets and (DOCX)
 * sanitised HTML, and hash it. Every failure is an error value naming the file; nothing throws.
 * Used by the app's import worker and by `overens extract` — the same code in both.
 */
import { sha256Hex } from '../core/files';
import type { ImportWarning } from '../core/model/document';
import { extractDocx } from './docx';
import { decodeText, normaliseText } from './normalise';
import { extractPdfText, type PdfjsLike } from './pdf';
import type { StreamSizer } from './pdf-streams';
import { sniff } from './sniff';
import { ingestError, MAX_IMPORT_BYTES, MAX_TEXT_CHARS, MAX_TEXT_FILE_BYTES, type IngestFailure, type IngestResult, type PdfLimits } from './types';

export interface ExtractInput {
  fileName: string;
  bytes: Uint8Array;
  password?: string;
}

export interface ExtractDeps {
  pdfjs: PdfjsLike;
  /** Pages and time a PDF may take (PDF_LIMITS unless given; tests narrow them). */
  pdfLimits?: PdfLimits;
  /** How the PDF stream check counts a stream's unpacked bytes (fflate unless given: Node's zlib in the CLI). */
  streamSizer?: StreamSizer;
}

function tooLong(fileName: string, length: number): IngestFailure {
  const millions = (n: number) => Math.round(n / 1e5) / 10;
  return ingestError(fileName, 'too-large', `texten är ${millions(length)} miljoner tecken lång; högst ${MAX_TEXT_CHARS / 1e6} miljoner importeras.`, `the text is ${millions(length)} million characters long; at most ${MAX_TEXT_CHARS / 1e6} million are imported.`);
}

export { sha256Hex };

function extension(fileName: string): string {
  const m = /\.([^.]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export async function extractDocument(input: ExtractInput, deps: ExtractDeps): Promise<IngestResult> {
  const { fileName, bytes } = input;
  if (bytes.length === 0) return ingestError(fileName, 'empty', 'filen är tom (0 byte).', 'the file is empty (0 bytes).');
  if (bytes.length > MAX_IMPORT_BYTES) {
    return ingestError(fileName, 'too-large', `filen är större än ${MAX_IMPORT_BYTES / 1048576} MB.`, `the file is larger than ${MAX_IMPORT_BYTES / 1048576} MB.`);
  }
  const ext = extension(fileName);
  const kind = sniff(bytes);
  const warnings: ImportWarning[] = [];
  const base = async () => ({ fileName, sha256: await sha256Hex(bytes), size: bytes.length });

  if (kind === 'pdf') {
    if (ext !== 'pdf') {
      warnings.push({ code: 'type-mismatch', message: `Filen är en PDF trots namnet och importerades som PDF / the file is a PDF despite its name and was imported as a PDF (.${ext || '—'})` });
    }
    const result = await extractPdfText(deps.pdfjs, bytes, fileName, input.password, deps.pdfLimits, deps.streamSizer);
    if (!result.ok) return result;
    const { pdf } = result;
    return { ok: true, document: { ...(await base()), kind: 'pdf', mimeType: 'application/pdf', text: pdf.text, pageStarts: pdf.pageStarts, pageCount: pdf.pageCount, hasText: pdf.hasText, warnings: [...warnings, ...pdf.warnings] } };
  }
  if (kind === 'zip') {
    if (ext !== 'docx') {
      warnings.push({ code: 'type-mismatch', message: `Filen är en Word-fil (zip) trots namnet / the file is a Word (zip) file despite its name (.${ext || '—'})` });
    }
    const result = await extractDocx(bytes, fileName);
    if (!result.ok) return result;
    const { docx } = result;
    if (docx.text.length > MAX_TEXT_CHARS) return tooLong(fileName, docx.text.length);
    return {
      ok: true,
      document: {
        ...(await base()),
        kind: 'docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        text: docx.text,
        html: docx.html,
        pageStarts: [0],
        pageCount: 1,
        hasText: docx.text.trim().length > 0,
        warnings: [...warnings, ...docx.warnings],
      },
    };
  }
  if (kind === 'image') return ingestError(fileName, 'wrong-type', 'filen är en bild, inte en PDF-, Word- eller textfil.', 'the file is an image, not a PDF, Word or text file.');
  if (kind === 'ole') return ingestError(fileName, 'wrong-type', 'filen är i det gamla Word-formatet (.doc). Spara den som .docx och importera igen.', 'the file is in the old Word format (.doc). Save it as .docx and import it again.');
  if (kind === 'binary' || ext === 'pdf' || ext === 'docx') {
    const expected = ext === 'pdf' ? 'PDF' : ext === 'docx' ? 'Word' : 'text';
    return ingestError(fileName, 'wrong-type', `innehållet är inte en ${expected}-fil som namnet säger.`, `the content is not a ${expected} file as its name says.`);
  }
  if (bytes.length > MAX_TEXT_FILE_BYTES) {
    return ingestError(fileName, 'too-large', `textfilen är större än ${MAX_TEXT_FILE_BYTES / 1048576} MB.`, `the text file is larger than ${MAX_TEXT_FILE_BYTES / 1048576} MB.`);
  }
  const decoded = decodeText(bytes);
  if (decoded.text.length > MAX_TEXT_CHARS) return tooLong(fileName, decoded.text.length);
  if (decoded.encoding === 'windows-1252') {
    warnings.push({ code: 'encoding-fallback', message: 'Filen var inte UTF-8 och lästes som Windows-1252 / the file was not UTF-8 and was read as Windows-1252' });
  }
  const text = normaliseText(decoded.text.replace(/^\uFEFF/, ''));
  return { ok: true, document: { ...(await base()), kind: 'txt', mimeType: 'text/plain', text, pageStarts: [0], pageCount: 1, hasText: text.trim().length > 0, warnings } };
}
