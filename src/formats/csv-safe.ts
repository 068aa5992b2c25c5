/**
 * CSV cells safe to open in a spreadsheet (OWASP, "CSV Injection"): a text cell that begins with
 * "=", "+", "-", "@", a tab or a carriage return is read by Excel, LibreOffice and Google Sheets
 * as a formula, so it is written with a leading apostrophe ("'=HYPERLINK(…)"), which spreadsheets
 * show as text. Plain numbers ("-1", "+2.5") are no formulas and stay as they are, so statistics
 * packages read them as numbers. A cell that already begins with apostrophes before such a
 * character gets one more, so `restoreCell` gives every cell back exactly (our own CSV readers
 * call it: an exported file reads back to the same values).
 */

const TRIGGER = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as written: apostrophe-prefixed when a spreadsheet would take it for a formula. */
export function neutraliseCell(s: string): string {
  return TRIGGER.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** The value a neutralised cell stood for (one leading apostrophe before a formula character dropped). */
export function restoreCell(s: string): string {
  return s.charCodeAt(0) === 39 && TRIGGER.test(s.slice(1)) ? s.slice(1) : s;
}

/** One RFC 4180 field: neutralised, then quoted where needed (`extra` adds characters that force quotes, e.g. ";"). */
export function csvField(v: string | number | null | undefined, extra = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = neutraliseCell(v);
  const needs = /[",\n\r]/.test(s) || (extra !== '' && [...extra].some((c) => s.includes(c)));
  return needs ? `"${s.replace(/"/g, '""')}"` : s;
}
