// Import of PDF, DOCX and text: extraction, normalisation, page offsets and every kind of bad input.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PAGE_SEPARATOR, extractDocument, sha256Hex, type IngestResult } from '../../../src/ingest';
import { makeDocx, makePdf, paragraph } from './fixtures';

const run = (fileName: string, bytes: Uint8Array, password?: string) => extractDocument({ fileName, bytes, password }, { pdfjs });

function ok(result: IngestResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message.en}`);
  return result.document;
}
function failed(result: IngestResult) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('PDF', () => {
  it('extracts the text of every page with å/ä/ö, and page start offsets', async () => {
    const doc = ok(await run('avtal.pdf', makePdf([['Överenskommelse om samverkan', 'Målgrupp: LVM'], ['Sida två: tvister']])));
    expect(doc.kind).toBe('pdf');
    expect(doc.pageCount).toBe(2);
    expect(doc.text).toContain('Överenskommelse om samverkan');
    expect(doc.text).toContain('Målgrupp: LVM');
    expect(doc.pageStarts).toHaveLength(2);
    expect(doc.pageStarts[0]).toBe(0);
    expect(doc.text.slice(doc.pageStarts[1]!)).toContain('Sida två: tvister');
    expect(doc.text.slice(doc.pageStarts[1]! - PAGE_SEPARATOR.length, doc.pageStarts[1]!)).toBe(PAGE_SEPARATOR);
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.hasText).toBe(true);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a PDF without text, flagged as not codable', async () => {
    const doc = ok(await run('skannad.pdf', makePdf([[], []])));
    expect(doc.hasText).toBe(false);
    expect(doc.warnings.map((w) => w.code)).toEqual(['no-text-layer']);
    expect(doc.warnings[0]?.message).toMatch(/no text layer — cannot be coded as text/);
  });

  it('warns about single pages without text', async () => {
    const doc = ok(await run('blandad.pdf', makePdf([['Text'], [], ['Mer text']])));
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'pages-without-text', pages: [2] })]);
  });

  it('refuses truncated, corrupt and wrong-type files with the file name in the message', async () => {
    const good = makePdf([['Hej']]);
    const truncated = failed(await run('halv.pdf', good.slice(0, Math.floor(good.length * 0.4))));
    expect(truncated.code).toBe('corrupt');
    expect(truncated.message.en).toMatch(/^halv\.pdf: /);
    const corrupt = new Uint8Array(2000);
    corrupt.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);
    for (let i = 8; i < corrupt.length; i++) corrupt[i] = (i * 7919) % 251;
    expect(failed(await run('trasig.pdf', corrupt)).code).toBe('corrupt');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const picture = failed(await run('bild.pdf', png));
    expect(picture.code).toBe('wrong-type');
    expect(picture.message.sv).toBe('bild.pdf: filen är en bild, inte en PDF-, Word- eller textfil.');
    expect(failed(await run('text.pdf', new TextEncoder().encode('bara text'))).code).toBe('wrong-type');
    expect(failed(await run('tom.pdf', new Uint8Array()))).toMatchObject({ code: 'empty', fileName: 'tom.pdf' });
  });

  it('imports a PDF behind a .docx name as the PDF it is, saying so', async () => {
    const doc = ok(await run('avtal.docx', makePdf([['Hej']])));
    expect(doc.kind).toBe('pdf');
    expect(doc.warnings.map((w) => w.code)).toEqual(['type-mismatch']);
  });
});

describe('DOCX', () => {
  it('converts to sanitised HTML whose text equals the stored text, blocks separated by newlines', async () => {
    const body = paragraph('Länsövergripande överenskommelse', 'Heading1') + paragraph('Målgruppen är personer med missbruk.') + paragraph('LVM & SIP <viktigt>');
    const doc = ok(await run('avtal.docx', await makeDocx(body)));
    expect(doc.kind).toBe('docx');
    expect(doc.text).toBe('Länsövergripande överenskommelse\nMålgruppen är personer med missbruk.\nLVM & SIP <viktigt>');
    expect(doc.html).toContain('LVM &amp; SIP &lt;viktigt&gt;');
    expect(doc.html).not.toMatch(/<script|on\w+=/i);
  });

  it('refuses a zip without word/document.xml, a truncated zip and a zip-slip entry', async () => {
    const noDoc = failed(await run('utan.docx', await makeDocx('', {}, true)));
    expect(noDoc.code).toBe('docx-invalid');
    expect(noDoc.message.en).toMatch(/word\/document\.xml is missing/);
    const full = await makeDocx(paragraph('x'));
    expect(failed(await run('halv.docx', full.slice(0, full.length >> 1))).code).toBe('corrupt');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    zip.file('../../evil.txt', 'pwned');
    const slip = failed(await run('slip.docx', await zip.generateAsync({ type: 'uint8array' })));
    expect(slip.code).toBe('unsafe-zip');
    expect(slip.message.en).toContain('../../evil.txt');
  });

  it('ignores a style map embedded in the file (it could hide text as <script>) and says so', async () => {
    // mammoth reads a style map from the entry "mammoth/style-map" unless told not to; this one
    // maps every paragraph to <script>, which the sanitiser drops with its text.
    const body = paragraph('Målgruppen är personer med missbruk.');
    const doc = ok(await run('stilkarta.docx', await makeDocx(body, { 'mammoth/style-map': 'p => script:fresh' })));
    expect(doc.text).toBe('Målgruppen är personer med missbruk.');
    expect(doc.warnings.map((w) => w.code)).toEqual(['other']);
    expect(doc.warnings[0]!.message).toMatch(/style map embedded in the Word file \(mammoth\) was ignored/);
    // Without the entry there is no warning.
    expect(ok(await run('vanlig.docx', await makeDocx(body))).warnings).toEqual([]);
  });

  it('refuses the old binary .doc format with advice', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(failed(await run('gammal.doc', ole)).message.sv).toMatch(/Spara den som \.docx/);
  });
});

describe('text', () => {
  it('reads UTF-8 (BOM dropped), normalises CRLF and NFC', async () => {
    const bytes = new TextEncoder().encode('\uFEFFRad ett\r\nRad tv\u0061\u030Ao\r\n');
    const doc = ok(await run('avtal.txt', bytes));
    expect(doc.text).toBe('Rad ett\nRad två\n'.replace('två', 'tvåo'));
    expect(doc.warnings).toEqual([]);
  });

  it('falls back to Windows-1252 with a warning, keeping å/ä/ö', async () => {
    const bytes = Uint8Array.from([0xd6, 0x76, 0x65, 0x72, 0x65, 0x6e, 0x73, 0x20, 0xe5, 0xe4, 0xf6, 0x0d, 0x0a]);
    const doc = ok(await run('avtal.txt', bytes));
    expect(doc.text).toBe('Överens åäö\n');
    expect(doc.warnings.map((w) => w.code)).toEqual(['encoding-fallback']);
  });

  it('hashes content with SHA-256 (FIPS 180-4 test vector "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
