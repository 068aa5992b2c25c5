/**
 * Paint coded passages with the CSS Custom Highlight API: one named highlight per value colour,
 * registered in `CSS.highlights`, so no markup is inserted into the viewer's DOM. Overlapping
 * passages of different values stack their translucent colours, so overlaps stay visible.
 */
import type { TextMap } from './text-map';

export interface PaintedSegment {
  id: string;
  start: number;
  end: number;
  /** #rrggbb of the value. */
  colour: string;
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
    const key = s.id === focusedId ? `focus` : `${s.kind === 'evidence' ? 'ev-' : ''}${s.colour.slice(1).toLowerCase()}`;
    const list = byColour.get(key) ?? [];
    list.push(...map.domRanges(s.start, s.end));
    byColour.set(key, list);
  }
  const rules: string[] = [];
  for (const [key, ranges] of byColour) {
    const name = `${prefix}${key}`;
    registry.set(name, new Highlight(...ranges));
    if (key.startsWith('ev-')) {
      const hex = `#${key.slice(3)}`;
      rules.push(`::highlight(${name}) { background-color: ${translucent(hex, 0.12)}; text-decoration: underline dashed 2px ${hex}; }`);
      continue;
    }
    const colour = key === 'focus' ? 'rgba(255, 196, 0, 0.55)' : translucent(`#${key}`, 0.35);
    rules.push(`::highlight(${name}) { background-color: ${colour}; }`);
  }
  return rules.join('\n');
}

export function clearSegments(scope: string): void {
  const registry = highlightRegistry();
  if (!registry) return;
  for (const name of [...registry.keys()]) if (name.startsWith(`${PREFIX}${scope}-`)) registry.delete(name);
}
