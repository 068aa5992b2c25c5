// REFI-QDA import: hand-made packages in the shapes ATLAS.ti and MAXQDA write, a round trip
// through our own export, and broken packages.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../src/core/codebook';
import { describeRange } from '../../../src/core/anchoring';
import { english } from '../../../src/formats/messages';
import { exportQdpx, guidFor } from '../../../src/formats/refi-qda';
import { qdpxSummary, readQdpx } from '../../../src/formats/refi-qda-import';
import { qdpxToBackup } from '../../../src/formats/refi-qda-to-project';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function pack(qde: string, files: Record<string, string>, folder = 'sources'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  for (const [name, content] of Object.entries(files)) zip.file(`${folder}/${name}`, content);
  return zip.generateAsync({ type: 'uint8array' });
}

// ATLAS.ti shape: hierarchical codebook with descriptions, internal:// text, CRLF counted as one.
const atlasText = 'Rubrik\r\nPersoner som vårdas enligt LVM omfattas.\r\nTvister hanteras lokalt.';
const atlasQde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="ATLAS-projekt">
  <Users><User guid="{${G(1).toUpperCase()}}" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="LVM" isCodable="false"><Description>Tvångsvård</Description>
      <Code guid="${G(11)}" name="Ja" isCodable="true" color="#ff0000"/>
      <Code guid="${G(12)}" name="Nej" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="level" typeOfVariable="Text"/></Variables>
  <Sources>
    <TextSource guid="${G(30)}" name="avtal.txt" plainTextPath="internal://${G(30)}.txt">
      <PlainTextSelection guid="${G(31)}" startPosition="${'Rubrik\nPersoner som vårdas enligt '.length}" endPosition="${'Rubrik\nPersoner som vårdas enligt LVM'.length}" creatingUser="${G(1)}">
        <Coding guid="${G(32)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
        <NoteRef targetGUID="${G(40)}"/>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>county</TextValue></VariableValue>
    </TextSource>
    <PictureSource guid="${G(50)}" name="bild.png" path="internal://${G(50)}.png"/>
  </Sources>
  <Notes><Note guid="${G(40)}"><PlainTextContent>Tydligt exempel</PlainTextContent></Note></Notes>
</Project>`;

describe('REFI-QDA import', () => {
  it('reads an ATLAS.ti-shaped package: code tree, users, text, selections with CRLF as one character, notes, variables', async () => {
    const result = await readQdpx(await pack(atlasQde, { [`${G(30)}.txt`]: atlasText }));
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    const p = result.project;
    expect(p.name).toBe('ATLAS-projekt');
    expect(p.users).toEqual([{ guid: G(1), name: 'Anna' }]);
    expect(p.codes[0]).toMatchObject({ name: 'LVM', isCodable: false, description: 'Tvångsvård', children: [{ name: 'Ja', color: '#ff0000' }, { name: 'Nej' }] });
    const source = p.sources[0]!;
    expect(source.text).toBe(atlasText.replace(/\r\n/g, '\n'));
    const sel = source.selections[0]!;
    expect(source.text.slice(sel.start, sel.end)).toBe('LVM');
    expect(sel).toMatchObject({ codeGuids: [G(11)], notes: ['Tydligt exempel'], creatingUser: G(1) });
    expect(source.variables).toEqual({ level: 'county' });
    expect(p.problems).toEqual([{ sv: '1 bildkälla (PictureSource) kan inte importeras (bara text- och PDF-källor)', en: '1 PictureSource element(s) cannot be imported (only text and PDF sources)' }]);
    expect(qdpxSummary(p)).toMatchObject({ users: 1, sources: 1, codes: 3, selections: 1, codings: 1, variables: 1 });
  });

  it('reads a MAXQDA-shaped package: Sources/ folder, CRLF counted as two, variables on Cases', async () => {
    const text = 'A\r\nB\r\nSIP ska upprättas.';
    const start = [...'A\r\nB\r\n'].length; // CR and LF counted separately
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="MAXQDA">
  <CodeBook><Codes><Code guid="${G(10)}" name="SIP" isCodable="true"><Code guid="${G(11)}" name="Ja" isCodable="true"/></Code></Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="Län" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${G(60)}" name="Dalarna"><VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>Dalarna</TextValue></VariableValue><SourceRef targetGUID="${G(30)}"/></Case></Cases>
  <Sources><TextSource guid="${G(30)}" name="avtal" plainTextPath="internal://t.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="${start}" endPosition="${start + 3}"><Coding guid="${G(32)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(33)}" startPosition="${start + 3}" endPosition="${start + 999}"><Coding guid="${G(34)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    // The second selection runs past the end: reported, not imported. With it, the longest end
    // exceeds the LF-normalised length, so positions are read as counting CR and LF apart.
    const result = await readQdpx(await pack(qde, { 't.txt': text }, 'Sources'));
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    const source = result.project.sources[0]!;
    expect(source.variables).toEqual({ Län: 'Dalarna' });
    expect(english(result.project.problems)).toEqual([`avtal: 1 selection(s) lie outside the text; skipped: ${G(33)} (${start + 3}–${start + 999})`]);
    expect(source.selections).toHaveLength(1);
  });

  it('decodes numeric character references (&#xE5;, &#xD;&#xA;) in names, descriptions and notes', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="V&#xE5;rdanalys">
  <CodeBook><Codes><Code guid="${G(10)}" name="M&#229;lgrupper" isCodable="false"><Description>Rad 1&#xD;&#xA;Rad 2</Description>
    <Code guid="${G(11)}" name="Barn &amp; unga" isCodable="true"/><Code guid="${G(12)}" name="&#xC4;ldre" isCodable="true"/>
  </Code></Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="avtal"><PlainTextContent>Avtalet g&#xE4;ller barn.</PlainTextContent>
    <PlainTextSelection guid="${G(31)}" startPosition="15" endPosition="19"><Coding guid="${G(32)}"><CodeRef targetGUID="${G(11)}"/></Coding><NoteRef targetGUID="${G(40)}"/></PlainTextSelection>
  </TextSource></Sources>
  <Notes><Note guid="${G(40)}"><PlainTextContent>F&#xF6;rsta&#10;andra</PlainTextContent></Note></Notes>
</Project>`;
    const result = await readQdpx(await pack(qde, {}));
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    const p = result.project;
    expect(p.name).toBe('Vårdanalys');
    expect(p.codes[0]).toMatchObject({ name: 'Målgrupper', description: 'Rad 1\nRad 2', children: [{ name: 'Barn & unga' }, { name: 'Äldre' }] });
    const source = p.sources[0]!;
    expect(source.text).toBe('Avtalet gäller barn.');
    expect(source.text.slice(source.selections[0]!.start, source.selections[0]!.end)).toBe('barn');
    expect(source.selections[0]!.notes).toEqual(['Första\nandra']);
  });

  it('reads relative:// sources the package carries, and says which lie outside it', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="QualCoder" basePath="C:/Users/anna/projekt">
  <CodeBook><Codes><Code guid="${G(10)}" name="SIP" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(30)}" name="med" plainTextPath="relative://texter/med.txt"/>
    <TextSource guid="${G(31)}" name="i-sources" plainTextPath="relative://./annan.txt"/>
    <TextSource guid="${G(32)}" name="borta" plainTextPath="relative://borta.txt"/>
  </Sources>
</Project>`;
    const zip = new JSZip();
    zip.file('project.qde', qde);
    zip.file('texter/med.txt', 'Text bredvid projektet.');
    zip.file('Sources/annan.txt', 'Text i källmappen.');
    const result = await readQdpx(await zip.generateAsync({ type: 'uint8array' }));
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    expect(result.project.sources.map((x) => [x.name, x.text])).toEqual([
      ['med', 'Text bredvid projektet.'],
      ['i-sources', 'Text i källmappen.'],
    ]);
    expect(english(result.project.problems)).toEqual([
      'relative://borta.txt: the file lies outside the package (relative:// to the project’s basePath) and was not included; ask the sender to export with the sources embedded',
      'borta: its text file relative://borta.txt is missing from the package; skipped',
    ]);
    expect(result.project.problems[0]!.sv).toContain('filen ligger utanför paketet');
  });

  it('our consensus coder comes back as the consensus coder, with its judgements; memos and reasons come back to their coders', async () => {
    const content = getTemplate('oppna-jamforelser-2019')!.content;
    const text = 'Gemensamma mål finns.';
    const judgement = (id: string, coderId: string, value: string) => ({ id, projectId: 'p', documentId: G(30), coderId, codebookVersionId: 'v', variableId: 'oj19.gemensamma_mal', valueIds: [value], status: 'final' as const, origin: 'explicit' as const, evidenceSegmentIds: [], memo: '', createdAt: 0, updatedAt: 0 });
    const bytes = await exportQdpx({
      project: { id: 'p', name: 'Konsensus', description: '', createdAt: 0, updatedAt: 0, settings: { blindCoding: true } },
      coders: [
        { id: G(1), projectId: 'p', name: 'Anna', kind: 'human', createdAt: 0 },
        { id: G(3), projectId: 'p', name: 'Bertil', kind: 'human', createdAt: 1 },
        { id: G(2), projectId: 'p', name: 'Konsensus', kind: 'consensus', createdAt: 2 },
      ],
      content,
      documents: [{ meta: { id: G(30), projectId: 'p', fileName: 'a.txt', kind: 'txt', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 0, pageCount: 1, textLength: text.length, hasText: true, attributes: {}, warnings: [] }, content: { documentId: G(30), text, pageStarts: [0] }, bytes: new Uint8Array() }],
      segments: [],
      judgements: [
        { ...judgement(G(40), G(1), 'oj19.gemensamma_mal.nej'), memo: 'Målen är vaga.' },
        judgement(G(42), G(3), 'oj19.gemensamma_mal.ja'),
        { ...judgement(G(41), G(2), 'oj19.gemensamma_mal.ja'), memo: 'Se även bilaga 2.', resolution: { reason: 'Målen står i avsnitt 3.', coderIds: [G(1), G(3)], resolvedAt: 5 } },
      ],
      memos: [
        { id: G(50), projectId: 'p', documentId: G(30), coderId: G(1), text: 'Annas anteckning', updatedAt: 3 },
        { id: G(51), projectId: 'p', documentId: G(30), coderId: G(3), text: 'Bertils anteckning', updatedAt: 4 },
      ],
    });
    const result = await readQdpx(bytes);
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    const { data, problems } = await qdpxToBackup(result.project);
    expect(data.coders.map((c) => [c.name, c.kind])).toEqual([['Anna', 'human'], ['Bertil', 'human'], ['Konsensus', 'consensus']]);
    const consensus = data.coders.find((c) => c.kind === 'consensus')!;
    const anna = data.coders.find((c) => c.name === 'Anna')!;
    const bertil = data.coders.find((c) => c.name === 'Bertil')!;
    // The reason and the memos travel as notes on the codings, and come back where they were.
    const back = data.judgements.find((j) => j.coderId === consensus.id)!;
    expect(back.resolution).toMatchObject({ reason: 'Målen står i avsnitt 3.', coderIds: [anna.id, bertil.id] });
    expect(back.memo).toBe('Se även bilaga 2.');
    expect(data.judgements.find((j) => j.coderId === anna.id)!.memo).toBe('Målen är vaga.');
    // Document memos go back to the coder who wrote them.
    expect(data.memos.map((m) => [m.coderId, m.text])).toEqual([[anna.id, 'Annas anteckning'], [bertil.id, 'Bertils anteckning']]);
    const valueKey = (id: string) => data.codebookVersions[0]!.content.variables.flatMap((v) => v.values).find((x) => x.id === id)?.key;
    const byCoder = (coderId: string) => data.judgements.filter((j) => j.coderId === coderId).map((j) => j.valueIds.map(valueKey));
    expect(byCoder(consensus.id)).toEqual([['ja']]);
    expect(byCoder(data.coders.find((c) => c.name === 'Anna')!.id)).toEqual([['nej']]);
    expect(english(problems).filter((p) => p.includes('renamed'))).toEqual([]);
  });

  it('round-trips our own export: same texts, selections and codes', async () => {
    const content = getTemplate('oppna-jamforelser-2019')!.content;
    const text = 'Gemensamma mål 🙂 finns. Rutiner för samarbete finns.';
    const phrase = 'Rutiner för samarbete';
    const s = text.indexOf(phrase);
    const bytes = await exportQdpx({
      project: { id: 'p', name: 'Rund', description: '', createdAt: 0, updatedAt: 0, settings: { blindCoding: true } },
      coders: [{ id: G(1), projectId: 'p', name: 'Anna', kind: 'human', createdAt: 0 }],
      content,
      documents: [{ meta: { id: G(30), projectId: 'p', fileName: 'a.txt', kind: 'txt', sha256: 'a'.repeat(64), size: 1, version: 1, importedAt: 0, pageCount: 1, textLength: text.length, hasText: true, attributes: { level: 'local' }, warnings: [] }, content: { documentId: G(30), text, pageStarts: [0] }, bytes: new Uint8Array() }],
      segments: [{ id: G(31), projectId: 'p', documentId: G(30), coderId: G(1), codebookVersionId: 'v', variableId: 'oj19.rutiner_samarbete', valueId: 'oj19.rutiner_samarbete.ja', selector: describeRange(text, s, s + phrase.length), memo: '', orphaned: false, createdAt: 0, updatedAt: 0 }],
      judgements: [],
      memos: [],
    });
    const result = await readQdpx(bytes);
    if (!result.ok) throw new Error(english(result.problems).join('; '));
    const source = result.project.sources[0]!;
    expect(source.text).toBe(text);
    expect(source.text.slice(source.selections[0]!.start, source.selections[0]!.end)).toBe(phrase);
    expect(source.selections[0]!.codeGuids).toEqual([guidFor('oj19.rutiner_samarbete.ja')]);
    expect(result.project.codes.map((c) => c.name)).toEqual(content.variables.map((v) => v.label.sv));
    expect(source.variables).toEqual({ level: 'local' });
    // The codebook comes back as a .qdc would: keys, kinds, definitions, absent values.
    const { data } = await qdpxToBackup(result.project);
    const strip = (v: (typeof content.variables)[number]) => [v.key, v.kind, v.label.sv, v.description.sv, v.values.map((x) => [x.key, x.label.sv, x.definition.sv, x.colour, x.absent, x.indicatorTerms])];
    expect(data.codebookVersions[0]!.content.variables.map(strip)).toEqual(content.variables.map(strip));
  });

  it('refuses zip slip, missing project.qde and malformed XML, and reports missing source files', async () => {
    const slip = new JSZip();
    slip.file('project.qde', atlasQde);
    slip.file('../evil.txt', 'x');
    expect(await readQdpx(await slip.generateAsync({ type: 'uint8array' }), 'x.qdpx')).toEqual({ ok: false, problems: [{ sv: 'x.qdpx: otillåtna sökvägar i paketet: ../evil.txt', en: 'x.qdpx: forbidden paths in the package: ../evil.txt' }] });
    const empty = new JSZip();
    empty.file('readme.txt', 'x');
    expect(await readQdpx(await empty.generateAsync({ type: 'uint8array' }), 'y.qdpx')).toEqual({ ok: false, problems: [{ sv: 'y.qdpx: paketet innehåller ingen project.qde', en: 'y.qdpx: no project.qde in the package' }] });
    const bad = await readQdpx(await pack('<Project name="x"><Users>', {}), 'z.qdpx');
    expect(bad.ok ? [] : bad.problems.map((p) => p.sv)).toEqual([expect.stringMatching(/^z\.qdpx: project\.qde är inte giltig QDA-XML: /)]);
    const notProject = await readQdpx(await pack('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', {}), 'c.qdpx');
    expect(notProject).toEqual({ ok: false, problems: [{ sv: 'c.qdpx: project.qde är inte giltig QDA-XML: rotelementet är inte <Project>', en: 'c.qdpx: project.qde is not valid QDA-XML: the root element is not <Project>' }] });
    const missing = await readQdpx(await pack(atlasQde, {}));
    expect(missing.ok && missing.project.problems[0]!.en).toMatch(/^avtal\.txt: its text file internal:\/\/.* is missing from the package; skipped$/);
    expect(missing.ok && missing.project.problems[0]!.sv).toMatch(/^avtal\.txt: textfilen internal:\/\/.* saknas i paketet; hoppades över$/);
    const notZip = await readQdpx(new Uint8Array([1, 2]), 'w.qdpx');
    expect(notZip.ok ? [] : notZip.problems.map((p) => [p.sv.split(': ')[0], p.en.split(': ')[0]])).toEqual([['w.qdpx', 'w.qdpx']]);
  });

  it('gives every problem of a package with many in Swedish and English, naming the same thing first', async () => {
    // Hand-made to go wrong everywhere: users clashing with "Konsensus" and each other, an
    // unusable "Överens:" line, three code levels, sources outside the package, a PDF without
    // text, a selection past the end, media sources and a coding of a code that does not exist.
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Trasigt">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Konsensus"/><User guid="${G(3)}" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Målgrupper" isCodable="false"><Description>Överens: key=1fel; kind=multi; level=ratio</Description>
      <Code guid="${G(11)}" name="Barn" isCodable="true">
        <Code guid="${G(12)}" name="Under 18" isCodable="true"><Description>Överens: absent; score=många</Description></Code>
        <Code guid="${G(13)}" name="Unga vuxna" isCodable="true"><Description>Överens: absent; key=9x</Description></Code>
      </Code>
    </Code>
    <Code guid="${G(14)}" name="Typ" isCodable="false"><Description>Överens: kind=ordnad; level=skala</Description><Code guid="${G(15)}" name="A" isCodable="true"/><Code guid="${G(16)}" name="B" isCodable="true"/></Code>
    <Code guid="${G(17)}" name="Ensam" isCodable="false"><Description>Överens: kind=single</Description><Code guid="${G(18)}" name="C" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(30)}" name="avtal.txt" plainTextPath="internal://${G(30)}.txt">
      <PlainTextSelection guid="${G(31)}" startPosition="0" endPosition="3" creatingUser="${G(1)}"><Coding guid="${G(32)}"><CodeRef targetGUID="${G(12)}"/></Coding><Coding guid="${G(33)}"><CodeRef targetGUID="${G(99)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(34)}" startPosition="5" endPosition="500"><Coding guid="${G(35)}"><CodeRef targetGUID="${G(15)}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(40)}" name="extern.txt" plainTextPath="absolute:///tmp/extern.txt"/>
    <PDFSource guid="${G(50)}" name="skannad.pdf" path="internal://${G(50)}.pdf"/>
    <PictureSource guid="${G(60)}" name="a.png"/><PictureSource guid="${G(61)}" name="b.png"/>
    <AudioSource guid="${G(62)}" name="intervju.mp3"/>
    <VideoSource guid="${G(63)}" name="möte.mp4"/>
  </Sources>
</Project>`;
    const read = await readQdpx(await pack(qde, { [`${G(30)}.txt`]: 'LVM gäller.' }), 'trasigt.qdpx');
    if (!read.ok) throw new Error(english(read.problems).join('; '));
    const { problems } = await qdpxToBackup(read.project);
    expect(problems.map((p) => p.sv)).toEqual([
      `avtal.txt: 1 markering(ar) ligger utanför texten; hoppades över: ${G(34)} (5–500)`,
      'absolute:///tmp/extern.txt: bara källor i paketet (internal:// eller relative://) kan importeras',
      'extern.txt: textfilen absolute:///tmp/extern.txt saknas i paketet; hoppades över',
      'skannad.pdf: en PDF-källa utan textversion (plain text) kan inte kodas som text; hoppades över',
      '2 bildkällor (PictureSource) kan inte importeras (bara text- och PDF-källor)',
      '1 ljudkälla (AudioSource) kan inte importeras (bara text- och PDF-källor)',
      '1 videokälla (VideoSource) kan inte importeras (bara text- och PDF-källor)',
      'Målgrupper: djupare kodnivåer slogs ihop till värden av formen "Kod / Underkod"',
      'Målgrupper: värdet "Barn / Unga vuxna": nyckeln "9x" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet',
      'Målgrupper: "Barn / Under 18" har poängen (score) "många", som inte är ett tal; den användes inte',
      'Målgrupper: "Barn / Unga vuxna" är markerat som ett andra frånvarande värde ("absent"); bara det första räknas som det',
      'Målgrupper: kvotskala (level=ratio) kräver poäng (score) på varje värde; lästes som nominalskala',
      'Typ: okänd variabeltyp "ordnad"; lästes som "ett värde"',
      'Typ: okänd mätnivå "skala"; lästes som nominalskala',
      'Ensam: en variabel av typen "ett värde" (kind=single) behöver minst två värden; lästes som "tematisk"',
      'variabeln "Målgrupper": nyckeln "1fel" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet',
      'Användaren "Konsensus" döptes om till "Konsensus (2)" (kodarnas namn måste vara unika)',
      'Användaren "Anna" döptes om till "Anna (2)" (kodarnas namn måste vara unika)',
      `1 kodning(ar) hänvisar till 1 kod(er) som inte finns i kodboken (${G(99)}); hoppades över`,
    ]);
    // Each line in both languages: translated, and about the same thing (the name before the first ": ").
    const englishWords = /\b(the|is|are|was|cannot|can|be|only|not|skipped|ignored|read|as|needs|refer|codes?|values?|variable|user|renamed|selection|lies|outside|missing|package|level|unique|its|file)\b/;
    for (const p of problems) {
      expect(p.sv.trim(), p.en).not.toBe('');
      expect(p.en.trim(), p.sv).not.toBe('');
      expect(p.sv, p.en).not.toBe(p.en);
      expect(p.sv.replace(/\([^)]*\)$|level=\w+|kind=\w+|\("absent"\)/g, ''), p.en).not.toMatch(englishWords);
      const subject = (line: string) => (/^[^\s"]+: /.test(line) ? line.slice(0, line.indexOf(': ')) : '');
      expect(subject(p.sv), p.en).toBe(subject(p.en));
    }
    expect(english(problems)).toContain('Målgrupper: ratio needs a score on every value; read as nominal');
    expect(english(problems)).toContain('User "Konsensus" was renamed to "Konsensus (2)" (coder names must be unique)');
  });
});
