// REFI-QDA packages in the shapes NVivo 12, ATLAS.ti, MAXQDA and macOS programs write them —
// hand-made after the traits found in real exports (issue #13) and in QualCoder's importer
// (src/qualcoder/refi.py: ATLAS.ti counts CRLF as one, others as two): NVivo positions in UTF-16
// units with CRLF as two, an emoji, a UTF-16 text file; ATLAS.ti PDF area selections, sets, links,
// graphs and project notes; MAXQDA document and code sets with a Windows-1252 text; decomposed
// (NFD) text; codings whose user differs from the selection's; intermediate codes; duplicate GUIDs;
// UTF-16 and ISO-8859-1 project files. Every expected quote is the phrase the fixture placed.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { english } from '../../../src/formats/messages';
import { readQdpx } from '../../../src/formats/refi-qda-import';
import { qdpxToBackup } from '../../../src/formats/refi-qda-to-project';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function pack(qde: string | Uint8Array, files: Record<string, string | Uint8Array>, folder = 'sources'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  for (const [name, content] of Object.entries(files)) zip.file(`${folder}/${name}`, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const utf16le = (s: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};

async function read(bytes: Uint8Array) {
  const result = await readQdpx(bytes, 'test.qdpx');
  if (!result.ok) throw new Error(english(result.problems).join('; '));
  return result.project;
}

const quotes = (p: Awaited<ReturnType<typeof read>>, source = 0) => p.sources[source]!.selections.map((s) => p.sources[source]!.text.slice(s.start, s.end));

describe('REFI-QDA packages as other programs write them', () => {
  // NVivo: UTF-16 code units, "\r\n" as two; the emoji is two units, so every later position is one more than in code points.
  const nvivoRaw = 'Inledning\r\nVi 🙂 samarbetar om LVM.\r\nBarn och unga omfattas.\r\nSlut.';
  const at = (phrase: string) => nvivoRaw.indexOf(phrase); // JavaScript indexes are NVivo's UTF-16 units over the raw text
  const sel = (guid: number, phrase: string, selectionUser: number, codingUser: number, code: number) =>
    `<PlainTextSelection guid="${G(guid)}" startPosition="${at(phrase)}" endPosition="${at(phrase) + phrase.length}" creatingUser="${G(selectionUser)}"><Coding guid="${G(guid + 500)}" creatingUser="${G(codingUser)}"><CodeRef targetGUID="${G(code)}"/></Coding></PlainTextSelection>`;
  const nvivoQde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="NVivo-projekt" origin="NVivo 12 (12.6.1.970)">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Bertil"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Samverkan" isCodable="true" color="#112233">
      <Code guid="${G(11)}" name="Målgrupp" isCodable="true">
        <Code guid="${G(12)}" name="Barn" isCodable="true"/>
      </Code>
      <Code guid="${G(13)}" name="LVM" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="avtal" plainTextPath="internal://${G(30)}.txt">
    ${sel(31, 'samarbetar', 1, 1, 10)}
    ${sel(32, 'LVM', 1, 2, 13)}
    ${sel(33, 'Barn och unga', 2, 2, 11)}
    ${sel(34, 'Barn', 2, 2, 12)}
    ${sel(35, 'omfattas', 1, 2, 13)}
  </TextSource></Sources>
</Project>`;

  it('NVivo: UTF-16 positions with CRLF as two and an emoji, a UTF-16 text file, coders from Coding@creatingUser, intermediate codes kept', async () => {
    const p = await read(await pack(nvivoQde, { [`${G(30)}.txt`]: utf16le(nvivoRaw) }));
    expect(p.sources[0]!.text).toBe(nvivoRaw.replace(/\r\n/g, '\n'));
    expect(quotes(p)).toEqual(['samarbetar', 'LVM', 'Barn och unga', 'Barn', 'omfattas']);
    expect(p.conventions).toEqual([{ source: 'avtal', convention: { units: 'utf-16', crlf: 2 }, fit: 1, ambiguous: true, selections: 5 }]);
    // Two codings name another user than their selection (32 and 35).
    expect(english(p.problems)).toEqual(["avtal: 2 coding(s) name another user than their selection; the coding's user (Coding@creatingUser) is taken as the coder"]);
    const { data, problems } = await qdpxToBackup(p);
    const coderName = new Map(data.coders.map((c) => [c.id, c.name]));
    expect(data.segments.map((s) => [s.selector.quote.exact, coderName.get(s.coderId)])).toEqual([
      ['samarbetar', 'Anna'],
      ['LVM', 'Bertil'],
      ['Barn och unga', 'Bertil'],
      ['Barn', 'Bertil'],
      ['omfattas', 'Bertil'],
    ]);
    // The codable parent and the intermediate code keep their codings as values of their own.
    const [variable] = data.codebookVersions[0]!.content.variables;
    expect(variable!.values.map((v) => [v.label.sv, v.id])).toEqual([
      ['Samverkan (allmänt)', G(10)],
      ['Målgrupp', G(11)],
      ['Målgrupp / Barn', G(12)],
      ['LVM', G(13)],
    ]);
    expect(variable!.values[0]!.colour).toBe('#112233');
    expect(english(problems)).not.toContainEqual(expect.stringMatching(/not in the codebook/));
    // Identity: GUIDs are the ids.
    expect(data.documents[0]!.id).toBe(G(30));
    expect(data.coders.filter((c) => c.kind === 'human').map((c) => c.id)).toEqual([G(1), G(2)]);
    expect(data.segments[0]!.id).toBe(G(31));
  });

  it('chooses the convention by the data when the origin says otherwise, and warns when none fits', async () => {
    // The same NVivo positions in a package that claims to come from ATLAS.ti: the word boundaries decide.
    const p = await read(await pack(nvivoQde.replace('origin="NVivo 12 (12.6.1.970)"', 'origin="ATLAS.ti 23"'), { [`${G(30)}.txt`]: nvivoRaw }));
    expect(quotes(p)).toEqual(['samarbetar', 'LVM', 'Barn och unga', 'Barn', 'omfattas']);
    expect(p.conventions![0]!.convention).toEqual({ units: 'utf-16', crlf: 2 });
    // Positions that fit no convention (all shifted by 2 into words): said, with the best fit.
    const shifted = nvivoQde.replace(/(start|end)Position="(\d+)"/g, (_m, k: string, n: string) => `${k}Position="${Number(n) + 2}"`);
    const bad = await read(await pack(shifted, { [`${G(30)}.txt`]: nvivoRaw }));
    expect(english(bad.problems)[0]).toMatch(/^avtal: no way of counting positions fits the selections well \(best: .+, \d+% of boundaries on word boundaries\); check the quotes$/);
    expect(bad.problems[0]!.sv).toMatch(/^avtal: ingen räkning av positioner passar markeringarna väl/);
  });

  it('decomposed text (NFD, as macOS programs write it): positions counted in the NFD text give the right quotes after NFC', async () => {
    const nfd = 'Överenskommelse för vård och omsorg. TARGET: Ökad samverkan.'.normalize('NFD');
    const start = [...nfd].indexOf('T'); // code points of the decomposed text, as the producer counted
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Mac" origin="MAXQDA 24">
  <CodeBook><Codes><Code guid="${G(10)}" name="Mål" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="mac" plainTextPath="internal://${G(30)}.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="${start}" endPosition="${start + 6}"><Coding guid="${G(32)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(33)}" startPosition="${[...nfd.slice(0, nfd.indexOf('O\u0308kad'))].length}" endPosition="${[...nfd].length - 1}"><Coding guid="${G(34)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
  </TextSource></Sources></Project>`;
    const p = await read(await pack(qde, { [`${G(30)}.txt`]: nfd }));
    expect(p.sources[0]!.text).toBe(nfd.normalize('NFC'));
    expect(quotes(p)).toEqual(['TARGET', 'Ökad samverkan']);
  });

  it('ATLAS.ti: PDF area selections, links, graphs and loose notes are listed; the PDF text selections and the project memo are kept', async () => {
    const text = 'Sida ett.\r\nLVM gäller.';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="ATLAS" origin="ATLAS.ti 23.2.1">
  <Users><User guid="${G(1)}" name="Anna"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="LVM" isCodable="true"/><Code guid="${G(11)}" name="SIP" isCodable="true"/></Codes></CodeBook>
  <Sources><PDFSource guid="${G(30)}" name="avtal.pdf" path="internal://${G(30)}.pdf">
    <PDFSelection guid="${G(40)}" page="1" firstX="10" firstY="20" secondX="200" secondY="40" creatingUser="${G(1)}"><Coding guid="${G(41)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding></PDFSelection>
    <PDFSelection guid="${G(42)}" page="2" firstX="10" firstY="20" secondX="200" secondY="40"><Coding guid="${G(43)}"><CodeRef targetGUID="${G(11)}"/></Coding></PDFSelection>
    <Representation guid="${G(31)}" plainTextPath="internal://${G(31)}.txt">
      <PlainTextSelection guid="${G(32)}" startPosition="10" endPosition="13" creatingUser="${G(1)}"><Coding guid="${G(33)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
    </Representation>
  </PDFSource></Sources>
  <Notes><Note guid="${G(50)}" creatingUser="${G(1)}"><PlainTextContent>Projektets minnesanteckning</PlainTextContent></Note></Notes>
  <Links><Link guid="${G(60)}" originGUID="${G(10)}" targetGUID="${G(11)}"/></Links>
  <Graphs><Graph guid="${G(61)}" name="Nätverk"/></Graphs>
  <Description>Studie av avtal</Description>
</Project>`;
    const p = await read(await pack(qde, { [`${G(30)}.pdf`]: '%PDF-1.4', [`${G(31)}.txt`]: text }));
    expect(quotes(p)).toEqual(['LVM']);
    expect(english(p.problems)).toEqual([
      'avtal.pdf: 2 PDF area selection(s) (PDFSelection, pages 1, 2) cannot be mapped to text and were skipped',
      '1 link(s) (Links) between parts of the project cannot be mapped',
      '1 graph(s) (Graphs) cannot be mapped',
      "1 project-level note(s) became the project's description",
    ]);
    const { data } = await qdpxToBackup(p);
    expect(data.project.description).toBe('Studie av avtal\n\nProjektets minnesanteckning');
    // A flat code list is one thematic variable "Koder" (exported flat again, see refi-qda-exchange.test.ts).
    expect(data.codebookVersions[0]!.content.variables.map((v) => [v.id, v.values.map((x) => x.label.sv)])).toEqual([['qdpx.koder', ['LVM', 'SIP']]]);
  });

  it('MAXQDA: document sets become attributes, code sets variable groups, a Windows-1252 text is decoded with a warning', async () => {
    // "Avtal – vård 10 €" in Windows-1252: 0x96 en dash, 0xE5 å, 0x80 euro sign; CRLF counted as two
    // (MAXQDA), so "SIP" starts at 17 characters + 2 = 19.
    const cp1252 = new Uint8Array([...new TextEncoder().encode('Avtal '), 0x96, ...new TextEncoder().encode(' v'), 0xe5, ...new TextEncoder().encode('rd 10 '), 0x80, 0x0d, 0x0a, ...new TextEncoder().encode('SIP finns.')]);
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="MAXQDA" origin="MAXQDA 24 (24.2.0)">
  <Users><User guid="${G(1)}" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="SIP" isCodable="true"><Code guid="${G(11)}" name="Ja" isCodable="true"/><Code guid="${G(12)}" name="Nej" isCodable="true"/></Code>
    <Code guid="${G(13)}" name="Nivå" isCodable="true"><Code guid="${G(14)}" name="Lokal" isCodable="true"/><Code guid="${G(15)}" name="Regional" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="avtal" plainTextPath="internal://${G(30)}.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="19" endPosition="22" creatingUser="${G(1)}"><Description>Tydligt</Description><Coding guid="${G(32)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(33)}" startPosition="0" endPosition="5" creatingUser="${G(1)}"><Description>bara en anteckning</Description></PlainTextSelection>
    <Coding guid="${G(34)}" creatingUser="${G(1)}"></Coding>
  </TextSource></Sources>
  <Sets>
    <Set guid="${G(70)}" name="Dokumentgrupp Norr"><MemberSource targetGUID="${G(30)}"/></Set>
    <Set guid="${G(71)}" name="Styrning"><Description>Koder om styrning</Description><MemberCode targetGUID="${G(10)}"/><MemberCode targetGUID="${G(14)}"/></Set>
    <Set guid="${G(72)}" name="Tom"><MemberCode targetGUID="${G(99)}"/></Set>
  </Sets>
</Project>`;
    const p = await read(await pack(qde, { [`${G(30)}.txt`]: cp1252 }, 'Sources'));
    expect(p.sources[0]!.text).toBe('Avtal – vård 10 €\nSIP finns.');
    expect(quotes(p)).toEqual(['SIP']);
    // A selection's <Description> is its memo (MAXQDA and QualCoder write memos there).
    expect(p.sources[0]!.selections[0]!.notes).toEqual(['Tydligt']);
    expect(p.sources[0]!.variables).toEqual({ 'set: Dokumentgrupp Norr': '1' });
    expect(english(p.problems)).toEqual([
      'avtal: the text was not UTF-8 and was read as Windows-1252; check å, ä, ö and quotation marks',
      `avtal: 1 selection(s) without a coding (annotations) were not imported: ${G(33)}`,
      'avtal: 1 coding(s) of the whole source have no CodeRef (no code given); skipped',
      'The set "Dokumentgrupp Norr" (1 sources) became the document attribute "set: Dokumentgrupp Norr" = 1',
    ]);
    const { data, problems } = await qdpxToBackup(p);
    const content = data.codebookVersions[0]!.content;
    expect(content.groups).toEqual([{ id: G(71), key: 'styrning', label: { sv: 'Styrning' }, description: { sv: 'Koder om styrning' } }]);
    expect(content.variables.map((v) => [v.label.sv, v.groupId])).toEqual([
      ['SIP', G(71)],
      ['Nivå', G(71)],
    ]);
    expect(english(problems)).toContain('The code set "Tom" holds no codes that became variables; not mapped');
    expect(data.segments[0]!.memo).toBe('Tydligt');
  });

  it('reports duplicate GUIDs of codes, users and sources instead of merging them', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Dubbel">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(1)}" name="Anna igen"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="A" isCodable="true"/><Code guid="${G(10)}" name="B" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(30)}" name="ett"><PlainTextContent>Ett.</PlainTextContent></TextSource>
    <TextSource guid="${G(30)}" name="två"><PlainTextContent>Två.</PlainTextContent></TextSource>
  </Sources></Project>`;
    const p = await read(await pack(qde, {}));
    expect(english(p.problems)).toEqual([
      `två: has the GUID of another source (${G(30)}); it was given a new one`,
      `User "Anna igen" has the GUID of another (${G(1)}); they count as one`,
      `Code "B" has the GUID of another code (${G(10)}); it was given a new one, and codings with that GUID count for the first`,
    ]);
    const { data } = await qdpxToBackup(p);
    expect(data.codebookVersions[0]!.content.variables[0]!.values.map((v) => v.label.sv)).toEqual(['A', 'B']);
    expect(new Set(data.documents.map((d) => d.id)).size).toBe(2);
  });

  it('reads a UTF-16 project.qde and one declared ISO-8859-1', async () => {
    const qde = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Vårdanalys"><Sources><TextSource guid="${G(30)}" name="Överens"><PlainTextContent>Text</PlainTextContent></TextSource></Sources></Project>`;
    const fromUtf16 = await read(await pack(utf16le(qde('UTF-16')), {}));
    expect([fromUtf16.name, fromUtf16.sources[0]!.name]).toEqual(['Vårdanalys', 'Överens']);
    const latin1 = new Uint8Array([...qde('ISO-8859-1')].map((c) => c.charCodeAt(0)));
    const fromLatin1 = await read(await pack(latin1, {}));
    expect([fromLatin1.name, fromLatin1.sources[0]!.name]).toEqual(['Vårdanalys', 'Överens']);
    expect(fromLatin1.problems).toEqual([]);
  });

  it('gives new ids where the database already holds the GUIDs (the same package imported twice), and says so', async () => {
    const p = await read(await pack(nvivoQde, { [`${G(30)}.txt`]: nvivoRaw }));
    const { data, problems } = await qdpxToBackup(p, 0, { takenIds: new Set([G(30), G(1), G(31)]) });
    expect(data.documents[0]!.id).not.toBe(G(30));
    expect(data.coders[0]!.id).not.toBe(G(1));
    expect(data.coders[1]!.id).toBe(G(2));
    expect(english(problems)).toContain('3 GUID(s) in the package are already in the database (the package was imported before) and were given new ids; an export of this project can therefore not be merged with the original');
  });
});
