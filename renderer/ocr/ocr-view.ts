/** What the PDF view needs to show OCR pages: per page its word layer, its text and its state. */
import { OCR_BOX_UNITS, OCR_LOW_CONFIDENCE, pageEnd, type DocumentContent, type DocumentOcr, type OcrPageLayer, type OcrPageState, type OcrWord } from '../../src/core';
import type { NodeOffset } from '../viewer/text-map';

export interface OcrPageView {
  layer?: OcrPageLayer;
  /** The page's text (offsets of `layer` are into it). */
  text: string;
  state: OcrPageState;
  pending: boolean;
}

export function ocrPageViews(ocr: DocumentOcr | undefined, content: Pick<DocumentContent, 'text' | 'pageStarts' | 'ocrLayers'>): Map<number, OcrPageView> {
  const views = new Map<number, OcrPageView>();
  if (!ocr) return views;
  const layers = new Map((content.ocrLayers ?? []).map((l) => [l.page, l]));
  for (const state of ocr.pages) {
    const start = content.pageStarts[state.page - 1] ?? 0;
    const text = content.text.slice(start, pageEnd(content.pageStarts, content.text.length, state.page));
    views.set(state.page, { layer: layers.get(state.page), text, state, pending: state.confidence === null && ocr.status === 'pending' });
  }
  return views;
}

/**
 * The views of `next`, reusing those of `previous` that did not change — so storing one page does
 * not make the viewer redraw the pages recognised before it.
 */
export function keepUnchanged(previous: ReadonlyMap<number, OcrPageView>, next: Map<number, OcrPageView>): Map<number, OcrPageView> {
  for (const [page, view] of next) {
    const old = previous.get(page);
    if (
      old &&
      old.text === view.text &&
      old.pending === view.pending &&
      old.state.confidence === view.state.confidence &&
      old.state.words === view.state.words &&
      (old.layer?.words.length ?? -1) === (view.layer?.words.length ?? -1)
    ) {
      next.set(page, old);
    }
  }
  return next;
}

export type OcrBadge = { key: 'ocr.pagePending' | 'ocr.pageNone' } | { key: 'ocr.pageLow' | 'ocr.pageBadge'; confidence: number };

export function ocrBadge(view: OcrPageView): OcrBadge | null {
  const { state } = view;
  if (state.confidence === null) return view.pending ? { key: 'ocr.pagePending' } : null;
  if (state.words === 0) return { key: 'ocr.pageNone' };
  return { key: state.confidence < OCR_LOW_CONFIDENCE ? 'ocr.pageLow' : 'ocr.pageBadge', confidence: Math.round(state.confidence) };
}

let measurer: CanvasRenderingContext2D | null = null;
function measure(text: string, fontSize: number): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * fontSize * 0.5;
  measurer.font = `${fontSize}px sans-serif`;
  return measurer.measureText(text).width;
}

/**
 * An invisible text layer over a scanned page: one transparent span per recognised word at its
 * box (with the space that follows it), stretched to the word's width as pdf.js does, so the browser's
 * selection, the highlights and the text map work as on a PDF with a text layer. Returns each
 * word's text node with its document offset.
 */
export function renderOcrTextLayer(container: HTMLElement, words: readonly OcrWord[], pageText: string, pageStart: number, width: number, height: number): NodeOffset[] {
  container.replaceChildren();
  const entries: NodeOffset[] = [];
  const fragment = document.createDocumentFragment();
  for (const [start, length, x0, y0, x1, y1] of words) {
    const word = pageText.slice(start, start + length);
    if (word.length === 0) continue;
    // The space after a word belongs to its span (as in pdf.js' layer), so a copied selection has its spaces.
    const text = pageText[start + length] === ' ' ? `${word} ` : word;
    const boxWidth = ((x1 - x0) / OCR_BOX_UNITS) * width;
    const boxHeight = Math.max(1, ((y1 - y0) / OCR_BOX_UNITS) * height);
    const span = document.createElement('span');
    span.className = 'ocr-word';
    const node = document.createTextNode(text);
    span.append(node);
    const measured = measure(word, boxHeight);
    span.style.cssText = `left:${((x0 / OCR_BOX_UNITS) * width).toFixed(2)}px;top:${((y0 / OCR_BOX_UNITS) * height).toFixed(2)}px;font-size:${boxHeight.toFixed(2)}px;font-family:sans-serif;line-height:1;transform:scaleX(${measured > 0 ? (boxWidth / measured).toFixed(4) : 1})`;
    fragment.append(span);
    entries.push({ node, start: pageStart + start });
  }
  container.append(fragment);
  return entries;
}
