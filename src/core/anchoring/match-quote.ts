/**
 * Find a quote in a text that may have changed: exact search first, then approximate search
 * (Myers' bit-parallel algorithm via the `approx-string-match` package, which the Hypothesis
 * client uses for the same purpose), scoring every candidate by how well the quote, the prefix,
 * the suffix and the distance to the old position agree — the approach of Hypothesis'
 * `match-quote.ts`, written here from its description.
 */
import search from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote was expected to start (the old position). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the quote and the matched text. */
  errors: number;
  /** 0…1, higher is better. */
  score: number;
}

/** The share of the quote that may differ for an approximate match to be accepted. */
export const MAX_ERROR_RATE = 0.25;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** 1 − (edit distance / length) of `context` against the best match in `window`; 1 when there is no context. */
function contextSimilarity(window: string, context: string | undefined): number {
  if (!context) return 1;
  const matches = search(window, context, context.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / context.length;
}

function scoreCandidate(text: string, start: number, end: number, errors: number, quoteLength: number, ctx: QuoteContext): number {
  const quoteScore = 1 - errors / quoteLength;
  const prefixScore = ctx.prefix ? contextSimilarity(text.slice(Math.max(0, start - ctx.prefix.length), start), ctx.prefix) : 1;
  const suffixScore = ctx.suffix ? contextSimilarity(text.slice(end, end + ctx.suffix.length), ctx.suffix) : 1;
  const positionScore = ctx.hint === undefined ? 1 : 1 - Math.abs(start - ctx.hint) / Math.max(1, text.length);
  const total = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
  return (WEIGHT.quote * quoteScore + WEIGHT.prefix * prefixScore + WEIGHT.suffix * suffixScore + WEIGHT.position * positionScore) / total;
}

/** All exact occurrences of `quote` in `text`. */
function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * The best place for `quote` in `text`, or null when no candidate is within
 * MAX_ERROR_RATE of the quote.
 */
export function matchQuote(text: string, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const exact = exactOccurrences(text, quote);
  let candidates: { start: number; end: number; errors: number }[] = exact.map((start) => ({ start, end: start + quote.length, errors: 0 }));
  if (candidates.length === 0) {
    const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
    if (maxErrors === 0) return null;
    candidates = search(text, quote, maxErrors);
  }
  let best: QuoteMatch | null = null;
  for (const c of candidates) {
    const score = scoreCandidate(text, c.start, c.end, c.errors, quote.length, ctx);
    if (!best || score > best.score) best = { start: c.start, end: c.end, errors: c.errors, score };
  }
  return best;
}
