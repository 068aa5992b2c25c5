/**
 * Deeply nested XML in a DOCX: 100,000 paragraphs inside each other (1.2 MB of XML). mammoth's
 * reader recurses, so the stack runs out; the import refuses the file with a message naming it
 * instead of failing with "Maximum call stack size exceeded" — and a normal depth still reads.
 */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core';
import { extractDocx } from '../../../src/ingest/docx';
import { handZip, measure, report, storedEntry } from './generate';

const docx = (depth: number) =>
  handZip([
    storedEntry('[Content_Types].xml', '<Types/>', crc32),
    storedEntry('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p>'.repeat(depth)}<w:r><w:t>djup</w:t></w:r>${'</w:p>'.repeat(depth)}</w:body></w:document>`, crc32),
  ]);

describe('deeply nested XML', () => {
  it('refuses 100,000 nested elements with a message, within bounds', async () => {
    const m = await measure(() => extractDocx(docx(100_000), 'djup.docx'));
    report('DOCX, 100,000 nested elements', m);
    expect(m.value).toEqual({
      ok: false,
      error: { fileName: 'djup.docx', code: 'docx-invalid', message: { sv: 'djup.docx: Word-filens innehåll är för djupt nästlat för att kunna läsas; filen importeras inte.', en: 'djup.docx: the Word file’s content is nested too deeply to be read; the file is not imported.' } },
    });
    expect(m.ms).toBeLessThan(20_000);
    expect(m.rssMB).toBeLessThan(500);
  });

  it('reads 20 nested paragraphs (the control)', async () => {
    const r = await extractDocx(docx(20), 'grund.docx');
    expect(r.ok && r.docx.text).toBe('djup');
  });
});
