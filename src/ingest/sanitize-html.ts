/**
 * The one HTML sanitiser lives in core (src/core/html/sanitize-html.ts) so the document model can
 * sanitise every stored HTML on the way in (import, restore, coder package, migration); import
 * uses it from here.
 */
export { decodeEntities, escapeText, sanitiseHtml, type SafeHtml, type SanitisedHtml } from '../core/html/sanitize-html';
