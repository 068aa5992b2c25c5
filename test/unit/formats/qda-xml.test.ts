// The QDA-XML reader of the .qdpx import: the same objects as fast-xml-parser with the readers'
// settings (qdaParser) on QDA-XML shapes, and a clear message (with the line) for XML that is not
// well-formed — where fast-xml-parser without its validator would read a truncated file silently.
import { describe, expect, it } from 'vitest';
import { parseQdaXml } from '../../../src/formats/qda-xml';
import { qdaParser } from '../../../src/formats/refi-qda-codes';

const ARRAYS = new Set(['Code', 'PlainTextSelection', 'Coding', 'Note']);
const G = '00000000-0000-4000-8000-000000000001';

describe('QDA-XML reader', () => {
  it('reads what fast-xml-parser reads: attributes, namespaces, entities, arrays, text, CDATA', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- written by a program -->
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="V&#xE5;rd &amp; omsorg" origin='ATLAS.ti'>
  <qda:CodeBook><qda:Codes>
    <qda:Code guid="${G}" name="M&#229;l" isCodable="true"><qda:Description>Rad 1&#xD;&#xA;Rad 2 &lt;viktig&gt;</qda:Description></qda:Code>
  </qda:Codes></qda:CodeBook>
  <qda:Sources><qda:TextSource guid="${G}" name="t"><qda:PlainTextContent>Text &quot;citat&quot;</qda:PlainTextContent>
    <qda:PlainTextSelection guid="${G}" startPosition="0" endPosition="4"><qda:Description/><qda:Coding guid="${G}"><qda:CodeRef targetGUID="${G}"/></qda:Coding></qda:PlainTextSelection>
  </qda:TextSource></qda:Sources>
  <qda:Notes><qda:Note guid="${G}"><qda:PlainTextContent><![CDATA[a < b & c]]></qda:PlainTextContent></qda:Note></qda:Notes>
</qda:Project>`;
    const ours = parseQdaXml(xml, ARRAYS);
    if (!ours.ok) throw new Error(ours.error);
    const project = ours.value.Project as Record<string, unknown>;
    expect(project.name).toBe('Vård & omsorg');
    expect(project.origin).toBe('ATLAS.ti');
    // The parts the readers use are as fast-xml-parser gives them (which also keeps the blank text between elements; we leave it out).
    const blankless = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(blankless) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k, v]) => !(k === '#text' && typeof v === 'string' && !v.trim())).map(([k, v]) => [k, blankless(v)])) : x;
    const theirs = qdaParser(ARRAYS).parse(xml) as { Project: Record<string, unknown> };
    for (const key of ['CodeBook', 'Sources', 'Notes']) expect(project[key]).toEqual(blankless(theirs.Project[key]));
    expect(((project.Notes as { Note: { PlainTextContent: string }[] }).Note[0]!.PlainTextContent)).toBe('a < b & c');
  });

  it('refuses XML that is not well-formed, naming the problem and the line', () => {
    const cases: [string, RegExp][] = [
      ['<Project name="x"><Users>', /^the document ends inside <Users> \(it is incomplete\) \(line 1\)$/],
      ['<Project name="x">\n<Users></Project>', /^end tag <\/Project> does not close <Users> \(line 2\)$/],
      ['<Project name="x></Project>', /^malformed tag <Project>/],
      ['<Project name=x/>', /^malformed tag <Project>/],
      ['<Project a="1" a="2"/>', /^attribute "a" given twice in <Project>/],
      ['<Project/><Project/>', /^a second root element <Project>/],
      ['garbage', /^text outside the root element/],
      ['', /^no root element/],
      ['<!DOCTYPE P [<!ENTITY a "b">]><Project/>', /^a DOCTYPE that declares entities is not allowed in QDA-XML/],
      ['<Project>a < b</Project>', /^a "<" that starts no tag/],
    ];
    for (const [xml, message] of cases) {
      const result = parseQdaXml(xml, ARRAYS);
      expect(result.ok, xml).toBe(false);
      if (!result.ok) expect(result.error, xml).toMatch(message);
    }
    // Nesting is capped, without recursion.
    const deep = `${'<a>'.repeat(1500)}${'</a>'.repeat(1500)}`;
    expect(parseQdaXml(deep, ARRAYS)).toEqual({ ok: false, error: 'elements nested more than 1000 levels deep (line 1)' });
  });
});
