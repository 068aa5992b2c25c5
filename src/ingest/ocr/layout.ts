/**
 * Tesseract's recognised page (blocks → paragraphs → lines → words) → the page's text and its
 * word boxes. Conventions: words NFC-normalised, joined by one space within a line; lines end
 * with "\n"; paragraphs are separated by an empty line. Each word's box is mapped from raster
 * pixels to the page as shown, in OCR_BOX_UNITS of its width and height.
 */
import { OCR_BOX_UNITS, type OcrWord } from '../../core';
import { apply, type Matrix } from './raster';

export interface TesseractBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TesseractWord {
  text: string;
  confidence: number;
  bbox: TesseractBox;
}
export interface TesseractPage {
  blocks: { paragraphs: { lines: { words: TesseractWord[] }[] }[] }[] | null;
}

export interface RecognisedPageText {
  text: string;
  words: OcrWord[];
  /** Mean word confidence weighted by word length, 0–100 (0 when nothing was read). */
  confidence: number;
}

function clampUnit(value: number): number {
  return Math.min(OCR_BOX_UNITS, Math.max(0, Math.round(value)));
}

export function layoutRecognisedPage(page: TesseractPage, toViewport: Matrix, viewWidth: number, viewHeight: number): RecognisedPageText {
  const words: OcrWord[] = [];
  let text = '';
  let weighted = 0;
  let characters = 0;
  const box = (b: TesseractBox): [number, number, number, number] => {
    const [ax, ay] = apply(toViewport, b.x0, b.y0);
    const [bx, by] = apply(toViewport, b.x1, b.y1);
    return [
      clampUnit((Math.min(ax, bx) / viewWidth) * OCR_BOX_UNITS),
      clampUnit((Math.min(ay, by) / viewHeight) * OCR_BOX_UNITS),
      clampUnit((Math.max(ax, bx) / viewWidth) * OCR_BOX_UNITS),
      clampUnit((Math.max(ay, by) / viewHeight) * OCR_BOX_UNITS),
    ];
  };
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      let wrote = false;
      for (const line of paragraph.lines) {
        let lineHasWord = false;
        for (const word of line.words) {
          const value = word.text.replace(/\s+/g, '').normalize('NFC');
          if (value === '') continue;
          if (!wrote && text !== '') text += '\n';
          if (lineHasWord) text += ' ';
          words.push([text.length, value.length, ...box(word.bbox)]);
          text += value;
          weighted += Math.max(0, Math.min(100, word.confidence)) * value.length;
          characters += value.length;
          lineHasWord = true;
          wrote = true;
        }
        if (lineHasWord) text += '\n';
      }
    }
  }
  return { text, words, confidence: characters === 0 ? 0 : weighted / characters };
}
