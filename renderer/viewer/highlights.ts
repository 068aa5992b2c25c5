/**
 * Paint coded passages with the CSS Custom Highlight API: one named highlight per value colour and
 * kind (the coder's own passages filled; other coders' passages a faint fill under a dashed
 * underline; the focused one), registered in `CSS.highlights`, so no markup is inserted into the
 * viewer's DOM. Overlapping passages of different values stack their translucent colours, so
 * overlaps stay visible. The work is one pass over the passages plus one Range per text node
 * touched (bench: "Viewer: painting").
 */
import type { TextMap } from './text-map';

export interface PaintedSegment {
  id: string;
  start: number;
  end: number;
  /** #rrggbb of the value. */
  colour: string;
  /** What the passage is, for hover and the legend ("Variable: Value"). */
  label?: string;
  /** Another coder's passage (blinding off): drawn outlined, with their name. */
  coder?: string;
  /** `evidence`: a sentence behind a proposal of the assist model, drawn apart from codings (underlined, faint). */
  kind?: 'evidence';
}

const PREFIX = 'ov-';

function highlightRegistry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

export function supportsCustomHighlights(): boolean {
  return highlightRegistry() !== null;
}

/** rgba() of a #rrggbb colour at the given opacity. */
export function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Replace every highlight this module owns under `scope` with the given segments. `scope` keeps
 * two viewers on one page apart. Returns the CSS text that colours the highlights.
 */
export function paintSegments(scope: string, map: TextMap, segments: readonly PaintedSegment[], focusedId?: string): string {
  const registry = highlightRegistry();
  if (!registry) return '';
  const prefix = `${PREFIX}${scope}-`;
  for (const name of [...registry.keys()]) if (name.startsWith(prefix)) registry.delete(name);
  const byColour = new Map<string, Range[]>();
  for (const s of segments) {
    const key = s.id === focusedId ? `focus` : `${s.kind === 'evidence' ? 'ev' : s.coder === undefined ? 'own' : 'other'}-${s.colour.slice(1).toLowerCase()}`;
    const list = byColour.get(key);
    const ranges = map.domRanges(s.start, s.end);
    if (list) for (const r of ranges) list.push(r);
    else byColour.set(key, ranges);
  }
  const rules: string[] = [];
  for (const [key, ranges] of byColour) {
    const name = `${prefix}${key}`;
    const highlight = new Highlight();
    for (const r of ranges) highlight.add(r);
    registry.set(name, highlight);
    rules.push(`::highlight(${name}) { ${highlightStyle(key)} }`);
  }
  return rules.join('\n');
}

/** The CSS declarations of one highlight key (`focus`, `own-rrggbb`, `other-rrggbb`). */
export function highlightStyle(key: string): string {
  if (key === 'focus') return 'background-color: rgba(255, 196, 0, 0.55);';
  const [kind, hex] = key.split('-') as [string, string];
  // A sentence behind a proposal of the assist model: faint, dotted — never like a coding.
  if (kind === 'ev') return `background-color: ${translucent(`#${hex}`, 0.1)}; text-decoration: underline dotted 3px #${hex}; text-underline-offset: 3px;`;
  if (kind === 'other') return `background-color: ${translucent(`#${hex}`, 0.14)}; text-decoration: underline dashed 2px #${hex}; text-underline-offset: 2px;`;
  return `background-color: ${translucent(`#${hex}`, 0.42)};`;
}

export function clearSegments(scope: string): void {
  const registry = highlightRegistry();
  if (!registry) return;
  for (const name of [...registry.keys()]) if (name.startsWith(`${PREFIX}${scope}-`)) registry.delete(name);
}
