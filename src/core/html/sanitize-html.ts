/**
 * Sanitise mammoth's HTML (mammoth does not sanitise) with an allow-list, and compute the plain
 * text *as rendered*, so that the DOM text of the sanitised HTML equals the stored text exactly:
 * - only structural tags survive (p, h1–h6, lists, tables, emphasis, links, br); <script>,
 *   <style> and similar are dropped with their content; other tags are dropped, their text kept;
 * - attributes: only href on <a> (http, https, mailto or #fragment; never javascript: or data:;
 *   at most 2,000 characters), a bookmark's id on <a> kept as `data-anchor` (never as an `id`,
 *   which could clobber the app's own elements) so internal links can scroll to it, and
 *   colspan/rowspan on cells; every event handler, class and style is gone (no overlays), and
 *   <meta>, <base>, <link>, <form> and the like are not allowed tags;
 * - block boundaries become "\n" text nodes in the HTML (and so in the text), table cells are
 *   separated by "\t", and <br> is followed by "\n".
 * Works without a DOM (Node for the CLI, a Web Worker in the app): a small tokenizer suffices for
 * mammoth's well-formed output, and anything unexpected is escaped as text, never passed through.
 * It is idempotent (sanitising its own output changes nothing), so the document model runs it on
 * every HTML it accepts — from an import, a backup, a coder package or an old database — and its
 * result is the only value of type `SafeHtml`, the only HTML the viewer renders.
 */

declare const safeHtmlBrand: unique symbol;
/** HTML that came out of `sanitiseHtml` (nothing else makes this type). */
export type SafeHtml = string & { readonly [safeHtmlBrand]: true };

/** Longest link kept (longer ones lose their href). */
const MAX_HREF = 2000;

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'blockquote']);
const INLINE = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'a', 'span', 'thead', 'tbody']);
const CELL = new Set(['td', 'th']);
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'title', 'head']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function safeHref(raw: string): string | null {
  if (raw.length > MAX_HREF * 8) return null;
  const value = decodeEntities(raw).trim();
  if (value.length > MAX_HREF) return null;
  // Strip control characters and whitespace browsers ignore inside schemes ("java\tscript:").
  const compact = [...value].filter((ch) => ch.charCodeAt(0) > 0x20).join('').toLowerCase();
  if (compact.startsWith('#')) return value;
  if (/^(https?:|mailto:)/.test(compact)) return value;
  return null;
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

export interface SanitisedHtml {
  html: SafeHtml;
  text: string;
}

export function sanitiseHtml(input: string): SanitisedHtml {
  let html = '';
  let text = '';
  const open: string[] = [];
  let dropDepth = 0;
  let dropTag = '';
  // The "\n" this sanitiser writes after <br> stands for the <br>: met again, it is not a second line.
  let afterBr = false;

  const emitText = (raw: string) => {
    let decoded = decodeEntities(raw).replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC');
    if (afterBr && decoded.startsWith('\n')) decoded = decoded.slice(1);
    afterBr = false;
    if (!decoded) return;
    html += escapeText(decoded);
    text += decoded;
  };
  const separator = (sep: '\n' | '\t') => {
    if (text.length === 0 || text.endsWith('\n') || (sep === '\t' && text.endsWith('\t'))) return;
    html += sep;
    text += sep;
  };

  const tagRe = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let m = tagRe.exec(input); m; m = tagRe.exec(input)) {
    if (m.index > last && dropDepth === 0) emitText(input.slice(last, m.index));
    if (m.index === last) afterBr = false; // a tag right after <br>: no newline of ours follows
    last = tagRe.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[0][1] === '/';
    const attrSource = m[2] ?? '';
    const selfClosing = /\/\s*$/.test(attrSource);
    if (dropDepth > 0) {
      if (name === dropTag) dropDepth += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !selfClosing) {
        dropDepth = 1;
        dropTag = name;
      }
      continue;
    }
    if (name === 'br') {
      html += '<br>\n';
      text += '\n';
      afterBr = true;
      continue;
    }
    const allowed = BLOCK.has(name) || INLINE.has(name) || CELL.has(name);
    if (!allowed) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at === -1) continue;
      while (open.length > at) html += `</${open.pop()}>`;
      continue;
    }
    if (BLOCK.has(name)) separator('\n');
    if (CELL.has(name)) separator('\t');
    const attrs = parseAttributes(attrSource);
    let attrHtml = '';
    if (name === 'a') {
      const href = attrs.has('href') ? safeHref(attrs.get('href')!) : null;
      if (href !== null) attrHtml += ` href="${escapeAttribute(href)}" rel="noopener noreferrer"`;
      const anchor = attrs.get('id') ?? attrs.get('data-anchor');
      if (anchor && /^[A-Za-z0-9_.:-]{1,100}$/.test(anchor)) attrHtml += ` data-anchor="${anchor}"`;
    }
    if (CELL.has(name)) {
      for (const span of ['colspan', 'rowspan']) {
        const v = attrs.get(span);
        if (v && /^\d{1,3}$/.test(v)) attrHtml += ` ${span}="${v}"`;
      }
    }
    html += `<${name}${attrHtml}>`;
    if (!selfClosing) open.push(name);
    else html += `</${name}>`;
  }
  if (last < input.length && dropDepth === 0) emitText(input.slice(last));
  while (open.length > 0) html += `</${open.pop()}>`;
  return { html: html as SafeHtml, text };
}
