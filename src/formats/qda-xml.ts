/**
 * A strict, fast XML reader for REFI-QDA project files (`project.qde` can hold hundreds of
 * thousands of selections: 70 MB and more). It checks well-formedness as it goes — every tag
 * closed in order, attributes quoted and not repeated, one root element, nothing but comments and
 * processing instructions around it — and builds the same plain objects the app's other readers
 * get from fast-xml-parser with `qdaParser` (attributes as keys without prefix, namespace prefixes
 * removed, element text as a string or `#text`, the names in `arrays` always arrays), in one pass
 * without recursion. A DOCTYPE that declares entities is refused (QDA-XML has none; it is the
 * "billion laughs" attack), as is nesting deeper than 1,000 levels.
 */
import type { Xml } from './refi-qda-codes';

export type QdaXmlResult = { ok: true; value: Xml } | { ok: false; error: string };

const MAX_DEPTH = 1000;
const NAME = /[A-Za-z_:][-\w.:\u00B7-\uFFFF]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][-\w.:\u00B7-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g;

function decode(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

interface Frame {
  name: string;
  obj: Xml;
  attributes: number;
  children: number;
  text: string;
}

function attach(parent: Frame, key: string, value: unknown, arrays: ReadonlySet<string>): void {
  parent.children++;
  const existing = parent.obj[key];
  // Element values are strings or objects, so an array here is one this reader made.
  if (existing === undefined) parent.obj[key] = arrays.has(key) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent.obj[key] = [existing, value];
}

export function parseQdaXml(text: string, arrays: ReadonlySet<string>): QdaXmlResult {
  const root: Frame = { name: '', obj: {}, attributes: 0, children: 0, text: '' };
  const stack: Frame[] = [root];
  let pos = 0;
  const n = text.length;
  const fail = (at: number, what: string): QdaXmlResult => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return { ok: false, error: `${what} (line ${line})` };
  };
  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt === -1 ? n : lt;
    if (chunkEnd > pos) {
      const chunk = text.slice(pos, chunkEnd);
      const top = stack[stack.length - 1]!;
      if (top === root) {
        if (chunk.trim()) return fail(pos, 'text outside the root element');
      } else top.text += chunk;
    }
    if (lt === -1) break;
    pos = lt;
    const next = text.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return fail(lt, 'unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return fail(lt, 'unclosed comment');
        pos = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return fail(lt, 'unclosed CDATA section');
        const top = stack[stack.length - 1]!;
        if (top === root) return fail(lt, 'CDATA outside the root element');
        // Kept apart from entity decoding: marked by a private-use sentinel pair around it.
        top.text += `\uE000${text.slice(lt + 9, end)}\uE001`;
        pos = end + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', lt)) {
        if (stack.length > 1 || root.children > 0) return fail(lt, 'DOCTYPE inside the document');
        const bracket = text.indexOf('[', lt);
        const close = text.indexOf('>', lt);
        let end = close;
        if (bracket !== -1 && bracket < close) {
          const subsetEnd = text.indexOf(']', bracket);
          if (subsetEnd === -1) return fail(lt, 'unclosed DOCTYPE');
          if (/<!ENTITY/.test(text.slice(bracket, subsetEnd))) return fail(lt, 'a DOCTYPE that declares entities is not allowed in QDA-XML');
          end = text.indexOf('>', subsetEnd);
        }
        if (end === -1) return fail(lt, 'unclosed DOCTYPE');
        pos = end + 1;
        continue;
      }
      return fail(lt, 'unexpected "<!"');
    }
    if (next === 47 /* / */) {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) return fail(lt, 'unclosed end tag');
      const name = text.slice(lt + 2, end).trim();
      const top = stack.pop()!;
      if (top === root || top.name !== name) {
        return fail(lt, top === root ? `end tag </${name}> without a start tag` : `end tag </${name}> does not close <${top.name}>`);
      }
      finish(top, stack[stack.length - 1]!, arrays);
      pos = end + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const nameMatch = NAME.exec(text);
    if (!nameMatch) return fail(lt, 'a "<" that starts no tag (write it as &lt;)');
    const name = nameMatch[0];
    if (stack.length === 1 && root.children > 0) return fail(lt, `a second root element <${name}>`);
    const frame: Frame = { name, obj: {}, attributes: 0, children: 0, text: '' };
    let at = NAME.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(text);
      if (!m) break;
      at = ATTRIBUTE.lastIndex;
      const attr = m[1]!;
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
      const key = local(attr);
      if (Object.prototype.hasOwnProperty.call(frame.obj, key)) return fail(lt, `attribute "${attr}" given twice in <${name}>`);
      frame.obj[key] = decode(m[2] ?? m[3] ?? '');
      frame.attributes++;
    }
    TAG_END.lastIndex = at;
    const endMatch = TAG_END.exec(text);
    if (!endMatch) return fail(lt, `malformed tag <${name}> (an attribute without quotes, or the tag is not closed)`);
    pos = TAG_END.lastIndex;
    if (endMatch[1] === '/') {
      finish(frame, stack[stack.length - 1]!, arrays);
    } else {
      if (stack.length > MAX_DEPTH) return fail(lt, `elements nested more than ${MAX_DEPTH} levels deep`);
      stack.push(frame);
    }
  }
  if (stack.length > 1) return fail(n, `the document ends inside <${stack[stack.length - 1]!.name}> (it is incomplete)`);
  if (root.children === 0) return fail(n, 'no root element');
  return { ok: true, value: root.obj };
}

/** An element's value: its text alone (no attributes or children), else its object with `#text` for non-blank text. */
function finish(frame: Frame, parent: Frame, arrays: ReadonlySet<string>): void {
  const raw = frame.text;
  const text = raw.indexOf('\uE000') === -1 ? decode(raw) : raw.split(/\uE000|\uE001/).map((part, i) => (i % 2 === 1 ? part : decode(part))).join('');
  const key = local(frame.name);
  if (frame.attributes === 0 && frame.children === 0) {
    attach(parent, key, text, arrays);
    return;
  }
  if (text.trim()) frame.obj['#text'] = text;
  attach(parent, key, frame.obj, arrays);
}
