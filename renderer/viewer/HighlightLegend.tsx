/**
 * What is painted in the open document: one entry per variable and value (and, for other coders'
 * passages, per coder) with its swatch drawn as the passages are — filled for the coder's own,
 * dashed for another coder's — and the number of passages.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import type { PaintedSegment } from './highlights';
import { translucent } from './highlights';

interface Entry {
  key: string;
  label: string;
  colour: string;
  coder?: string;
  count: number;
}

/** The legend's entries in the order they first occur in the passages given (document order). */
export function legendEntries(segments: readonly PaintedSegment[]): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const s of [...segments].sort((a, b) => a.start - b.start)) {
    if (s.label === undefined) continue;
    const key = `${s.coder ?? ''}\u0000${s.label}\u0000${s.colour}`;
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { key, label: s.label, colour: s.colour, coder: s.coder, count: 1 });
  }
  return [...byKey.values()];
}

export function HighlightLegend({ segments }: { segments: readonly PaintedSegment[] }) {
  const { t } = useI18n();
  const entries = useMemo(() => legendEntries(segments), [segments]);
  // Always one line of fixed height (scrolling sideways when long), so the document never moves
  // when the first passage is painted.
  return (
    <div className="highlight-legend" data-testid="highlight-legend" aria-label={t('viewer.legend', { count: entries.length })}>
      <span className="muted legend-title">{t('viewer.legend', { count: entries.length })}</span>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-testid="legend-entry" data-colour={e.colour} data-coder={e.coder ?? ''}>
            <span
              className={e.coder === undefined ? 'legend-swatch' : 'legend-swatch other'}
              style={e.coder === undefined ? { background: translucent(e.colour, 0.42) } : { background: translucent(e.colour, 0.14), borderBottomColor: e.colour }}
            />
            {e.label}
            {e.coder !== undefined && <span className="muted"> — {e.coder}</span>} <span className="muted">({e.count})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The passages under the pointer, named: shown next to it while it rests on painted text. */
export function HighlightTooltip({ at }: { at: { x: number; y: number; items: readonly PaintedSegment[] } | null }) {
  if (!at || at.items.length === 0) return null;
  return (
    <div className="highlight-tooltip" role="tooltip" data-testid="highlight-tooltip" style={{ left: at.x + 14, top: at.y + 16 }}>
      {at.items.map((s) => (
        <div key={s.id} data-testid="tooltip-line">
          <span className={s.coder === undefined ? 'legend-swatch' : 'legend-swatch other'} style={s.coder === undefined ? { background: translucent(s.colour, 0.42) } : { background: translucent(s.colour, 0.14), borderBottomColor: s.colour }} />
          {s.label}
          {s.coder !== undefined && ` — ${s.coder}`}
        </div>
      ))}
    </div>
  );
}
