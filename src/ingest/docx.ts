/**
 * DOCX import: check the zip (it must hold word/document.xml, and no entry may have an absolute
 * or ../ path — a "zip slip" file is refused outright, nothing is written anywhere), convert with
 * mammoth to HTML, then sanitise and derive the text as rendered (sanitize-html.ts).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { declaredUnpackedSize, storedEntryNames, unsafeEntryName, type ImportWarning } from '../core';
import { sanitiseHtml } from './sanitize-html';
import { ingestError, type IngestFailure } from './types';

/** Total uncompressed size a DOCX may unpack to (zip-bomb guard). */
export const MAX_DOCX_UNPACKED = 1024 * 1024 * 1024;

export interface DocxContent {
  text: string;
  html: string;
  warnings: ImportWarning[];
}

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<{ ok: true; docx: DocxContent } | IngestFailure> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return ingestError(fileName, 'corrupt', `Word-filen är skadad eller ofullständig (${message}).`, `the Word file is damaged or incomplete (${message}).`);
  }
  const unsafe = storedEntryNames(zip).filter(unsafeEntryName);
  if (unsafe.length > 0) {
    return ingestError(fileName, 'unsafe-zip', `filen innehåller otillåtna sökvägar (${unsafe.join(', ')}) och importeras inte.`, `the file contains forbidden paths (${unsafe.join(', ')}) and is not imported.`);
  }
  if (declaredUnpackedSize(zip) > MAX_DOCX_UNPACKED) {
    return ingestError(fileName, 'too-large', 'filen packas upp till mer än 1 GB och importeras inte.', 'the file unpacks to more than 1 GB and is not imported.');
  }
  if (!zip.file('word/document.xml')) {
    return ingestError(fileName, 'docx-invalid', 'filen är ingen Word-fil (word/document.xml saknas).', 'the file is not a Word document (word/document.xml is missing).');
  }
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    converted = await mammoth.convertToHtml({ buffer: bytes, arrayBuffer: bytes.slice().buffer } as unknown as { buffer: Buffer });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return ingestError(fileName, 'docx-invalid', `Word-filen kunde inte läsas (${message}).`, `the Word file could not be read (${message}).`);
  }
  const { html, text } = sanitiseHtml(converted.value);
  const warnings: ImportWarning[] = [];
  const serious = converted.messages.filter((m) => m.type === 'error');
  if (serious.length > 0) {
    warnings.push({ code: 'docx-conversion', message: `Delar av Word-filen kunde inte tolkas / parts of the Word file could not be converted: ${serious.map((m) => m.message).join('; ')}` });
  }
  return { ok: true, docx: { text, html, warnings } };
}
