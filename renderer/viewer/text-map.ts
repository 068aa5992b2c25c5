/**
 * Map between DOM positions and offsets in a document's normalised text. A viewer registers,
 * for each rendered text node, the document offset where its text starts (the DOCX/TXT view:
 * one run over the whole container; the PDF view: one pdf.js text-layer span per text item).
 * Selections become offsets; offsets become DOM Ranges for highlighting. Nothing here rewrites
 * the DOM, so React and pdf.js keep their own nodes (Hypothesis' approach).
 */

export interface NodeOffset {
  node: Text;
  /** Document offset of the node's first character. */
  start: number;
}

export class TextMap {
  /** Sorted by `start`. */
  private readonly entries: NodeOffset[];
  private readonly byNode: Map<Text, NodeOffset>;

  constructor(entries: NodeOffset[]) {
    this.entries = [...entries].sort((a, b) => a.start - b.start);
    this.byNode = new Map(this.entries.map((e) => [e.node, e]));
  }

  /** Index of the first entry whose text ends after `offset` (binary search). */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid]!;
      if (e.start + e.node.data.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** All text nodes under `root`, in document order, numbered from `startOffset`. */
  static fromContainer(root: Node, startOffset = 0): TextMap {
    const entries: NodeOffset[] = [];
    const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let offset = startOffset;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      entries.push({ node: text, start: offset });
      offset += text.data.length;
    }
    return new TextMap(entries);
  }

  static merge(maps: readonly TextMap[]): TextMap {
    return new TextMap(maps.flatMap((m) => m.entries));
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** Document offset of a DOM boundary point (node, offset), or null if outside the map. */
  offsetOf(container: Node, offset: number): number | null {
    if (container.nodeType === Node.TEXT_NODE) {
      const entry = this.byNode.get(container as Text);
      return entry ? entry.start + Math.min(offset, entry.node.data.length) : null;
    }
    // An element boundary: the position before child `offset`. Use the first text node at or
    // after it, else the end of the last text node before it.
    const doc = container.ownerDocument ?? (container as Document);
    const probe = doc.createRange();
    probe.setStart(container, offset);
    probe.collapse(true);
    let before: NodeOffset | undefined;
    for (const e of this.entries) {
      const cmp = probe.comparePoint(e.node, 0);
      if (cmp >= 0) return e.start;
      before = e;
    }
    return before ? before.start + before.node.data.length : null;
  }

  /** Document range of a DOM Range, or null if it does not touch mapped text. */
  rangeOffsets(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** DOM Ranges covering the document range [start, end): one per text node touched. */
  domRanges(start: number, end: number): Range[] {
    const ranges: Range[] = [];
    for (let i = this.firstEndingAfter(start); i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.start >= end) break;
      if (e.node.data.length === 0) continue;
      const range = e.node.ownerDocument.createRange();
      range.setStart(e.node, Math.max(0, start - e.start));
      range.setEnd(e.node, Math.min(e.node.data.length, end - e.start));
      ranges.push(range);
    }
    return ranges;
  }

  /** The mapped text between two offsets as the DOM shows it (for checks against the stored text). */
  textBetween(start: number, end: number): string {
    return this.domRanges(start, end)
      .map((r) => r.toString())
      .join('');
  }
}
