/**
 * DOCX import: open the zip with the bounded reader (src/core/zip) — no entry may have an absolute
 * or ../ path (a "zip slip" file is refused outright), word/document.xml must be there, and every
 * XML part is unpacked through a byte counter under DOCX_LIMITS whatever sizes the file declares —
 * then convert with mammoth to HTML, then sanitise and derive the text as rendered
 * (sanitize-html.ts). mammoth only ever sees the parts already unpacked and checked: they are
 * repacked uncompressed, so its own unzipping costs no more than what was counted. Images are not
 * read (the viewer shows text only), and a style map embedded in the file is ignored (it could map
 * paragraphs to tags the sanitiser drops with their text), which the import reports.
 */
import { zipSync } from 'fflate';
import type { SafeHtml } from '../core/html/sanitize-html';
import type { ImportWarning } from '../core/model/document';
import { ZipArchive, formatBytes, type ZipLimits } from '../core/zip';
import { unsafeEntryName } from '../core/zip-entries';
import { sanitiseHtml } from './sanitize-html';
import { ingestError, type IngestFailure } from './types';

/**
 * What a DOCX may unpack to. Chosen from real agreements (a 300-page document.xml is ≈ 10 MB) with
 * room to spare, and small enough that mammoth's document tree of the largest part fits a tab.
 */
export const DOCX_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/** Where mammoth looks for a style map written into the file. */
const EMBEDDED_STYLE_MAP = 'mammoth/style-map';

export interface DocxContent {
  text: string;
  html: SafeHtml;
  warnings: ImportWarning[];
}

/** The parts mammoth reads: XML and relationships (media are never needed for the text). */
function isTextPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<{ ok: true; docx: DocxContent } | IngestFailure> {
  const opened = ZipArchive.open(bytes, DOCX_LIMITS);
  if (!opened.ok) {
    const { problem } = opened;
    return problem.code === 'too-many-entries'
      ? ingestError(fileName, 'too-large', `${problem.message.sv} och importeras inte.`, `${problem.message.en} and is not imported.`)
      : ingestError(fileName, 'corrupt', `Word-filen är skadad eller ofullständig (${problem.message.sv}).`, `the Word file is damaged or incomplete (${problem.message.en}).`);
  }
  const zip = opened.value;
  const unsafe = zip.names.filter(unsafeEntryName);
  if (unsafe.length > 0) {
    const shown = unsafe.slice(0, 10).map((n) => n.slice(0, 200)).join(', ') + (unsafe.length > 10 ? ` … (${unsafe.length})` : '');
    return ingestError(fileName, 'unsafe-zip', `filen innehåller otillåtna sökvägar (${shown}) och importeras inte.`, `the file contains forbidden paths (${shown}) and is not imported.`);
  }
  if (!zip.has('word/document.xml')) {
    return ingestError(fileName, 'docx-invalid', 'filen är ingen Word-fil (word/document.xml saknas).', 'the file is not a Word document (word/document.xml is missing).');
  }
  const parts: Record<string, Uint8Array> = {};
  for (const entry of zip.entries) {
    if (entry.directory || !isTextPart(entry.name)) continue;
    const read = await zip.bytesOf(entry.name);
    if (!read.ok) {
      const { problem } = read;
      const tooLarge = problem.code === 'entry-too-large' || problem.code === 'total-too-large';
      return tooLarge
        ? ingestError(fileName, 'too-large', `${problem.message.sv}; en Word-del får vara högst ${formatBytes(DOCX_LIMITS.maxEntryBytes)} och alla tillsammans ${formatBytes(DOCX_LIMITS.maxTotalBytes)}. Filen importeras inte.`, `${problem.message.en}; a Word part may be at most ${formatBytes(DOCX_LIMITS.maxEntryBytes)} and all together ${formatBytes(DOCX_LIMITS.maxTotalBytes)}. The file is not imported.`)
        : ingestError(fileName, 'corrupt', `Word-filen är skadad (${problem.message.sv}).`, `the Word file is damaged (${problem.message.en}).`);
    }
    parts[entry.name] = read.value;
  }
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    const repacked = zipSync(parts, { level: 0 });
    const arrayBuffer = repacked.buffer.slice(repacked.byteOffset, repacked.byteOffset + repacked.byteLength);
    // mammoth is loaded with the first Word file (a PDF-only run never needs it).
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`.
    const { default: mammoth } = await import('mammoth');
    converted = await mammoth.convertToHtml({ buffer: repacked, arrayBuffer } as unknown as { buffer: Buffer }, {
      includeEmbeddedStyleMap: false,
      // Images are not shown; an empty source keeps mammoth from reading them at all.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
  } catch (error) {
    // mammoth's XML reader recurses: elements nested tens of thousands deep exhaust the stack.
    if (error instanceof RangeError) {
      return ingestError(fileName, 'docx-invalid', 'Word-filens innehåll är för djupt nästlat för att kunna läsas; filen importeras inte.', 'the Word file’s content is nested too deeply to be read; the file is not imported.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return ingestError(fileName, 'docx-invalid', `Word-filen kunde inte läsas (${message.slice(0, 200)}).`, `the Word file could not be read (${message.slice(0, 200)}).`);
  }
  const { html, text } = sanitiseHtml(converted.value);
  const warnings: ImportWarning[] = [];
  if (zip.has(EMBEDDED_STYLE_MAP)) {
    warnings.push({ code: 'other', message: 'Word-filens inbäddade formatmall (mammoth) användes inte; texten lästes med standardmallen / the style map embedded in the Word file (mammoth) was ignored; the text was read with the standard map' });
  }
  const serious = converted.messages.filter((m) => m.type === 'error');
  if (serious.length > 0) {
    const shown = serious.slice(0, 5).map((m) => m.message.slice(0, 200)).join('; ') + (serious.length > 5 ? ` … (${serious.length})` : '');
    warnings.push({ code: 'docx-conversion', message: `Delar av Word-filen kunde inte tolkas / parts of the Word file could not be converted: ${shown}` });
  }
  return { ok: true, docx: { text, html, warnings } };
}
