/**
 * Numbers for people: Swedish writes a decimal comma and groups thousands with a thin space
 * (here U+202F, the narrow no-break space, so a number never breaks across lines); English a
 * decimal point and a comma. Machine-readable exports (CSV, XLSX, JSON) never use these: they
 * keep a plain point.
 */
import type { Language } from './model/common';

export const THIN_SPACE = '\u202F';

function group(int: string, separator: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `x` with `digits` decimals: sv "1 234,500", en "1,234.500"; "−" for negatives in Swedish. */
export function formatNumber(x: number, lang: Language, digits = 0): string {
  const fixed = Math.abs(x).toFixed(digits);
  const [int = '0', frac] = fixed.split('.');
  const negative = x < 0 && Number(fixed) !== 0;
  if (lang === 'sv') return `${negative ? '−' : ''}${group(int, THIN_SPACE)}${frac === undefined ? '' : `,${frac}`}`;
  return `${negative ? '-' : ''}${group(int, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** A coefficient (3 decimals), or "—" when undefined. */
export function formatCoefficient(x: number | null, lang: Language): string {
  return x === null ? '—' : formatNumber(x, lang, 3);
}
