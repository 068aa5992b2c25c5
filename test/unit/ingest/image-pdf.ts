/**
 * Scans made in the test: a text PDF rendered to grey page images by pdftoppm (poppler-utils),
 * and a generator that wraps grey images into an image-only PDF (one Flate-compressed DeviceGray
 * image per page, no text layer) — what a scanner produces, minus the paper.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zlibSync } from 'fflate';
import type { GreyImage } from '../../../src/ingest/ocr';

/** Read a binary PGM (P5, maxval 255). */
export function readPgm(bytes: Uint8Array): GreyImage {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    if (bytes[pos] === 0x23) {
      while (bytes[pos] !== 0x0a) pos++;
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) field += String.fromCharCode(bytes[pos++]!);
    fields.push(field);
  }
  pos++;
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: bytes.slice(pos, pos + width * height) };
}

/** Every page of `pdf` as a grey image at `dpi`, rendered by pdftoppm. */
export function renderPages(pdf: Uint8Array, dpi: number): GreyImage[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'overens-ocr-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readPgm(new Uint8Array(readFileSync(path.join(dir, f)))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => ch.charCodeAt(0) & 0xff));
}

export interface ImagePage {
  image: GreyImage;
  dpi: number;
  /** The page's /Rotate (the image is then drawn as usual; the viewer turns the page). */
  rotate?: 0 | 90 | 180 | 270;
  /** An invisible text layer (render mode 3) over the image, as a scanner's own OCR leaves it. */
  hiddenText?: string;
}

/** An image-only PDF: each page exactly the size of its image at its resolution, the image filling it. */
export function makeImagePdf(pages: readonly ImagePage[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Uint8Array | string) => {
    const bytes = typeof part === 'string' ? latin1(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, dict: string, stream?: Uint8Array) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${dict}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  const fontId = 3 + pages.length * 3;
  pages.forEach(({ image, dpi, rotate = 0, hiddenText }, i) => {
    const pageId = 3 + i * 3;
    const w = (image.width * 72) / dpi;
    const h = (image.height * 72) / dpi;
    const text = hiddenText ? ` BT 3 Tr /F1 10 Tf 10 ${(h - 20).toFixed(1)} Td (${hiddenText.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET` : '';
    const content = latin1(`q ${w.toFixed(3)} 0 0 ${h.toFixed(3)} 0 0 cm /Im0 Do Q${text}`);
    object(pageId, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(3)} ${h.toFixed(3)}] /Rotate ${rotate} /Resources << /XObject << /Im0 ${pageId + 2} 0 R >> /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageId + 1} 0 R >>`);
    object(pageId + 1, `<< /Length ${content.length} >>`, content);
    const packed = zlibSync(image.data, { level: 6 });
    object(pageId + 2, `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${packed.length} >>`, packed);
  });
  object(fontId, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const size = fontId + 1;
  const xref = length;
  push(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let id = 1; id < size; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
