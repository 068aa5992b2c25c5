// `overens extract --ocr`: a scan made here (text rendered by pdftoppm, wrapped as an image-only
// PDF) comes out with the words the test wrote, per-page confidence in the JSON, and the usage
// errors of the new options.
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';
import { makePdf } from '../ingest/fixtures';
import { makeImagePdf, renderPages } from '../ingest/image-pdf';

const DPI = 200;
const LINE = 'Kommunen och regionen ansvarar gemensamt för vården';
const [page] = renderPages(makePdf([[LINE]]), DPI);
// The top 100 pt of the page, where makePdf writes its line (baseline 72 pt from the top).
const height = Math.round((100 * DPI) / 72);
const scan = makeImagePdf([{ image: { width: page!.width, height, data: page!.data.slice(0, page!.width * height) }, dpi: DPI }]);
const { file } = tempFiles('overens-cli-ocr-');
const scanned = file('skannad.pdf', scan);

describe('overens extract --ocr', () => {
  it('recognises a page without a text layer and reports its confidence', async () => {
    const { code, stdout, stderr } = await cli(['extract', scanned, '--ocr', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout) as { characters: number; warnings: unknown[]; ocr: { languages: string; pages: { page: number; confidence: number; words: number }[] } }[];
    expect(report!.ocr.languages).toBe('swe');
    expect(report!.ocr.pages).toHaveLength(1);
    expect(report!.ocr.pages[0]!.words).toBe(LINE.split(' ').length);
    expect(report!.ocr.pages[0]!.confidence).toBeGreaterThan(80);
    expect(report!.warnings).toEqual([]);
    const text = await cli(['extract', scanned, '--ocr', '--ocr-lang', 'swe', '--text']);
    expect(text.stdout.trim()).toBe(LINE);
  }, 120_000);

  it('without --ocr the scan is reported as having no text layer', async () => {
    const { stdout } = await cli(['extract', scanned, '--json']);
    expect(JSON.parse(stdout)[0].warnings.map((w: { code: string }) => w.code)).toEqual(['no-text-layer']);
  });

  it('with --ocr-pages all, replaces a text layer by the recognised text', async () => {
    // The scan with a scanner's garbage text layer: the layer is replaced by the recognised line.
    const garbled = makeImagePdf([{ image: { width: page!.width, height, data: page!.data.slice(0, page!.width * height) }, dpi: DPI, hiddenText: 'K0mmun3n 0ch r3gi0n3n' }]);
    const textPdf = file('skrap.pdf', garbled);
    const before = await cli(['extract', textPdf, '--text']);
    expect(before.stdout.trim()).toBe('K0mmun3n 0ch r3gi0n3n');
    const { stdout } = await cli(['extract', textPdf, '--ocr', '--ocr-pages', 'all', '--json']);
    const [report] = JSON.parse(stdout) as { ocr: { pages: { page: number; words: number }[] } }[];
    expect(report!.ocr.pages).toEqual([expect.objectContaining({ page: 1, words: LINE.split(' ').length })]);
    expect((await cli(['extract', textPdf, '--ocr', '--ocr-pages', 'all', '--text'])).stdout.trim()).toBe(LINE);
    expect((await cli(['extract', textPdf, '--ocr', '--ocr-pages', 'some'])).code).toBe(2);
  }, 120_000);

  it('refuses unknown OCR languages and --ocr-lang without --ocr', async () => {
    expect((await cli(['extract', scanned, '--ocr', '--ocr-lang', 'deu'])).code).toBe(2);
    expect((await cli(['extract', scanned, '--ocr-lang', 'swe'])).code).toBe(2);
  });
});
