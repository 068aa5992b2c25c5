/**
 * How a PDF page's text is built from pdf.js `getTextContent()` items — shared by extraction
 * (src/ingest/pdf.ts) and the viewer's text layer, so stored offsets and DOM spans agree:
 * - each text item contributes its string, Unicode-normalised to NFC on its own (so item
 *   boundaries survive normalisation), followed by "\n" when pdf.js marks it `hasEOL`;
 * - item i starts at `itemStarts[i]` within the page text; pdf.js' TextLayer creates one span
 *   per text item in the same order, which is how a selection maps back to offsets;
 * - pages are joined with PAGE_SEPARATOR, and `pageStarts` holds where each page begins.
 */

export interface TextItemLike {
  str: string;
  hasEOL: boolean;
}

export interface PageTextLayout {
  text: string;
  itemStarts: number[];
  itemTexts: string[];
}

export const PAGE_SEPARATOR = '\n\n';

/** Line separators other than \n that may appear inside item strings. */
const OTHER_LINE_ENDS = /\r\n?|[\u2028\u2029]/g;

export function layoutPageText(items: readonly TextItemLike[]): PageTextLayout {
  const itemStarts: number[] = [];
  const itemTexts: string[] = [];
  let text = '';
  for (const item of items) {
    const normalised = item.str.replace(OTHER_LINE_ENDS, '\n').normalize('NFC');
    itemStarts.push(text.length);
    itemTexts.push(normalised);
    text += normalised;
    if (item.hasEOL) text += '\n';
  }
  return { text, itemStarts, itemTexts };
}

/** Join page texts into the document text; returns the text and each page's start offset. */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let text = '';
  pages.forEach((page, i) => {
    if (i > 0) text += PAGE_SEPARATOR;
    pageStarts.push(text.length);
    text += page;
  });
  if (pageStarts.length === 0) pageStarts.push(0);
  return { text, pageStarts };
}
