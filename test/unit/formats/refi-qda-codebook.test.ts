// REFI-QDA codebook exchange (.qdc): exports validate against the codebook schema (xmllint), the
// shipped templates round-trip, hand-made files in the shapes ATLAS.ti and MAXQDA write are
// mapped as documented, and broken files are refused with problems that name the file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shared } from '../../shared-dir';
import { describe, expect, it } from 'vitest';
import { CodebookTemplate, type Codebook, type CodebookContent, type CodebookVersion, type LocalizedNote } from '../../../src/core';
import { SHIPPED_TEMPLATES, getTemplate } from '../../../src/core/codebook';
import { guidFor, projectQde } from '../../../src/formats/refi-qda';
import { english } from '../../../src/formats/messages';
import { decodeQdc, exportQdc, exportTemplateQdc, readQdc } from '../../../src/formats/refi-qda-codebook';
import { baseKey, readCodeText, writeCodeText } from '../../../src/formats/refi-qda-codes';

const PROJECT_XSD = shared('refi-qda', 'Project.xsd');
const dir = mkdtempSync(path.join(tmpdir(), 'overens-qdc-'));

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`Project.xsd has changed: ${pattern} not found`);
  return text.replace(pattern, replacement);
}

/**
 * The REFI-QDA codebook schema (Codebook.xsd, REFI-QDA standard 1.5 §5.2), derived from the
 * project schema we have in shared/: the codebook standard is the project schema's CodeBookType
 * with its CodeType, GUIDType and RGBType, in the namespace urn:QDA-XML:codebook:1.0 with
 * <CodeBook> as the root element. Codebook.xsd differs from the project's CodeBookType in three
 * places, made here the same way: <CodeBook> has an `origin` attribute and an optional <Sets>
 * after <Codes> whose <MemberCode> refers to a code by `guid` (in a project it is `targetGUID`),
 * and a codebook's <Code> has no <NoteRef> (a codebook file has no notes).
 */
function codebookXsd(): string {
  let xsd = readFileSync(PROJECT_XSD, 'utf8');
  xsd = xsd.replaceAll('urn:QDA-XML:project:1.0', 'urn:QDA-XML:codebook:1.0');
  // The root element: <CodeBook> instead of <Project> (ProjectType stays, unused).
  xsd = replaceOnce(xsd, /<xsd:element name="Project" type="ProjectType">[\s\S]*?<\/xsd:element>/, '<xsd:element name="CodeBook" type="CodeBookType"/>');
  xsd = replaceOnce(
    xsd,
    /<xsd:complexType name="CodeBookType">[\s\S]*?<\/xsd:complexType>/,
    `<xsd:complexType name="CodeBookType">
		<xsd:sequence>
			<xsd:element name="Codes" type="CodesType"/>
			<xsd:element name="Sets" type="CodebookSetsType" minOccurs="0"/>
		</xsd:sequence>
		<xsd:attribute name="origin" type="xsd:string"/>
	</xsd:complexType>
	<xsd:complexType name="CodebookSetsType">
		<xsd:sequence>
			<xsd:element name="Set" type="CodebookSetType" maxOccurs="unbounded"/>
		</xsd:sequence>
	</xsd:complexType>
	<xsd:complexType name="CodebookSetType">
		<xsd:sequence>
			<xsd:element name="Description" type="xsd:string" minOccurs="0"/>
			<xsd:element name="MemberCode" type="MemberCodeType" minOccurs="0" maxOccurs="unbounded"/>
		</xsd:sequence>
		<xsd:attribute name="guid" type="GUIDType" use="required"/>
		<xsd:attribute name="name" type="xsd:string" use="required"/>
	</xsd:complexType>
	<xsd:complexType name="MemberCodeType">
		<xsd:attribute name="guid" type="GUIDType" use="required"/>
	</xsd:complexType>`,
  );
  xsd = replaceOnce(xsd, /(<xsd:complexType name="CodeType">[\s\S]*?)\s*<xsd:element name="NoteRef" type="NoteRefType" minOccurs="0" maxOccurs="unbounded"\/>/, '$1');
  return xsd;
}

const XSD = path.join(dir, 'Codebook.xsd');
writeFileSync(XSD, codebookXsd());

/** xmllint's complaints about `xml` against the codebook schema; '' when it validates. */
function validate(xml: string, name = 'codebook.qdc'): string {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

const codebookOf = (t: CodebookTemplate): Codebook => ({ id: 'cb', projectId: 'p', name: t.name, description: t.description, templateId: t.id, createdAt: 1, updatedAt: 1 });
const versionOf = (content: CodebookContent, number = 2): CodebookVersion => ({ id: 'v', codebookId: 'cb', projectId: 'p', number, status: 'published', createdAt: 1, publishedAt: 2, note: '', content, changes: [] });
/** Read without the codebook it came from, an id is the code's GUID (which export gives again). */
const byGuid = (c: CodebookContent): CodebookContent => ({
  groups: c.groups.map((g) => ({ ...g, id: guidFor(g.id) })),
  variables: c.variables.map(({ groupId, ...v }) => ({ ...v, id: guidFor(v.id), ...(groupId ? { groupId: guidFor(groupId) } : {}), values: v.values.map((x) => ({ ...x, id: guidFor(x.id) })) })),
});

/** What the format carries of a codebook: Swedish texts (English when there is no Swedish), no derived rules. */
function carried(content: CodebookContent): CodebookContent {
  const sv = (t: LocalizedNote) => (t.sv?.trim() ? { sv: t.sv } : t.en?.trim() ? { sv: t.en } : {});
  return {
    groups: content.groups.map((g) => ({ ...g, label: sv(g.label), description: sv(g.description) })),
    variables: content.variables.map(({ derived: _derived, ...v }) => ({
      ...v,
      label: sv(v.label),
      description: sv(v.description),
      codingRule: sv(v.codingRule),
      values: v.values.map((x) => ({ ...x, label: sv(x.label), definition: sv(x.definition), codingRule: sv(x.codingRule) })),
    })),
  };
}

// Everything the model has, with the awkward characters.
const rich: CodebookContent = CodebookTemplate.parse({
  format: 'overens-codebook',
  formatVersion: 1,
  id: 'rich',
  name: { sv: 'Allt & lite till' },
  content: {
    groups: [
      { id: 'g.a', key: 'forsta', label: { sv: 'Första gruppen' }, description: { sv: 'Grupp med <tecken> & "citat"' } },
      { id: 'g.tom', key: 'tom', label: { sv: 'Tom grupp' } },
    ],
    variables: [
      {
        id: 'v.aktorer', key: 'aktorer', label: { sv: 'Aktörer', en: 'Actors' }, groupId: 'g.a', kind: 'multi', level: 'nominal',
        description: { sv: 'Vilka aktörer som nämns.\n\nAndra stycket.' }, codingRule: { sv: 'Koda alla som nämns.' }, source: 'Egen, 2024',
        values: [
          { id: 'v.aktorer.polis', key: 'polis', label: { sv: 'Polisen' }, colour: '#1F77B4', definition: { sv: 'Polismyndigheten.' }, codingRule: { sv: 'Även "polis".' }, anchors: [{ text: 'Polisen deltar i "samverkan".', source: 'Dalarna 2021, s. 3' }, { text: 'Rad ett\nrad två' }], indicatorTerms: ['polis', 'polisen, lokalt'] },
          { id: 'v.aktorer.sis', key: 'sis', label: { sv: 'SiS 🙂' }, colour: '#2ca02c' },
          { id: 'v.aktorer.ingen', key: 'ingen', label: { sv: 'Ingen' }, colour: '#9e9e9e', absent: true },
        ],
      },
      {
        id: 'v.grad', key: 'grad', label: { sv: 'Grad' }, kind: 'single', level: 'interval',
        values: [
          { id: 'v.grad.1', key: 'lag', label: { sv: '1 – låg' }, colour: '#ff7f0e', score: 1 },
          { id: 'v.grad.2', key: 'hog', label: { sv: '2 – hög' }, colour: '#d62728', score: 2.5 },
        ],
      },
      { id: 'v.tema', key: 'tema', label: { sv: 'Tema' }, kind: 'thematic', values: [{ id: 'v.tema.x', key: 'x', label: { sv: 'X' }, colour: '#8c564b' }] },
      { id: 'v.tom', key: 'tomt', label: { sv: 'Tomt tema' }, kind: 'thematic', values: [] },
      { id: 'v.dup', key: 'dubbel', label: { sv: 'Ja' }, kind: 'single', values: [{ id: 'v.dup.a', key: 'ja', label: { sv: 'Ja' }, colour: '#1f77b4' }, { id: 'v.dup.b', key: 'ja_2', label: { sv: 'JA' }, colour: '#1f77b4' }] },
    ],
  },
}).content;

describe('REFI-QDA codebook export', () => {
  it('derives a codebook schema that refuses what Codebook.xsd refuses', () => {
    expect(validate('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A"/></Codes></CodeBook>')).toMatch(/isCodable/);
    expect(validate('<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true"/></Codes></CodeBook>')).not.toBe('');
    expect(validate('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')).not.toBe('');
    expect(validate('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true"/></Codes><Sets><Set guid="00000000-0000-4000-8000-000000000002" name="S"><MemberCode guid="00000000-0000-4000-8000-000000000001"/></Set></Sets></CodeBook>')).toBe('');
  });

  it.each(SHIPPED_TEMPLATES.filter((t) => t.content.variables.length > 0).map((t) => [t.id, t] as const))('%s validates against the codebook schema (xmllint)', (id, template) => {
    expect(validate(exportQdc(codebookOf(template), versionOf(template.content)), `${id}.qdc`)).toBe('');
  });

  it('validates with groups, anchors, scores and awkward characters', () => {
    expect(validate(exportQdc(codebookOf(getTemplate('vardanalys-2017')!), versionOf(rich)))).toBe('');
  });

  it('writes variables as non-codable parents and values as codable children, with the GUIDs and names of the .qdpx export', () => {
    const template = getTemplate('vardanalys-2017')!;
    const qdc = exportQdc(codebookOf(template), versionOf(template.content, 3), { appVersion: '0.1.0' });
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Överens 0.1.0 – Vårdanalys 2017:1 – Att komma överens, version 3">');
    expect(qdc).toContain(`<Code guid="${guidFor('va17.lvm')}" name="LVM" isCodable="false">`);
    expect(qdc).toContain(`<Code guid="${guidFor('va17.lvm.ja')}" name="Ja" isCodable="true" color="#1f77b4">`);
    expect(qdc).toContain(`<Set guid="${guidFor('va17.g.responsibility')}" name="Ansvarsfördelning">`);
    expect(qdc).toContain(`<MemberCode guid="${guidFor('va17.ansvar_mellan')}"/>`);
    const qde = projectQde({ project: { id: 'p', name: 'P', description: '', createdAt: 0, updatedAt: 0, settings: { blindCoding: true } }, coders: [], content: template.content, documents: [], segments: [], judgements: [], memos: [] });
    const codes = (xml: string) => [...xml.matchAll(/<Code guid="([^"]+)" name="([^"]*)" isCodable="(\w+)"(?: color="([^"]+)")?\/?>(?:<Description>([^<]*)<\/Description>)?/g)].map((m) => m.slice(1));
    expect(codes(qdc)).toHaveLength(template.content.variables.reduce((n, v) => n + 1 + v.values.length, 0));
    expect(codes(qdc)).toEqual(codes(qde));
  });

  it('writes definitions, coding rules, anchors and indicator terms as readable text', () => {
    const qdc = exportQdc(codebookOf(getTemplate('vardanalys-2017')!), versionOf(rich));
    expect(qdc).toContain(
      `<Code guid="${guidFor('v.aktorer.polis')}" name="Polisen" isCodable="true" color="#1F77B4"><Description>Polismyndigheten.\n\nKodregel: Även &quot;polis&quot;.\n\nAnkarexempel:\n- ”Polisen deltar i &quot;samverkan&quot;.” — Dalarna 2021, s. 3\n- ”Rad ett\nrad två”\n\nIndikatorord: polis; polisen, lokalt\n\nÖverens: key=polis</Description></Code>`,
    );
    expect(qdc).toContain('Vilka aktörer som nämns.\n\nAndra stycket.\n\nKodregel: Koda alla som nämns.\n\nKälla: Egen, 2024\n\nÖverens: kind=multi</Description>');
    expect(qdc).toContain('<Description>Överens: absent</Description>');
    expect(qdc).toContain('<Description>Överens: key=lag; score=1</Description>');
  });

  it('refuses a version without variables', () => {
    expect(() => exportQdc(codebookOf(getTemplate('blank')!), versionOf({ groups: [], variables: [] }))).toThrow(/no variables/);
  });

  it('exports a template (a JSON codebook file) too', () => {
    const template = getTemplate('oppna-jamforelser-2019')!;
    const qdc = exportTemplateQdc(template);
    expect(qdc).toContain(`origin="Överens – ${template.name.sv}">`);
    expect(validate(qdc)).toBe('');
    const read = readQdc(qdc, 'oj.qdc', { basis: [template.content] });
    expect(read.ok && [read.template.name, read.template.content]).toEqual([{ sv: template.name.sv }, template.content]);
  });
});

describe('REFI-QDA codebook round trip', () => {
  it.each([['vardanalys-2017'], ['oppna-jamforelser-2019']])('%s: same groups, variables, values, labels, definitions, colours and keys', (id) => {
    const template = getTemplate(id)!;
    const qdc = exportQdc(codebookOf(template), versionOf(template.content));
    // On its own, the file gives what it carries (ids aside, see below) …
    const alone = readQdc(qdc, `${id}.qdc`);
    if (!alone.ok) throw new Error(english(alone.problems).join('\n'));
    expect(english(alone.problems)).toEqual([]);
    expect(alone.template.content).toEqual(byGuid(carried(template.content)));
    expect(alone.template.name).toEqual({ sv: template.name.sv });
    // … and read into the codebook it came from, exactly that codebook: ids, English texts, derivation rules.
    const back = readQdc(qdc, `${id}.qdc`, { basis: [template.content] });
    if (!back.ok) throw new Error(english(back.problems).join('\n'));
    expect(english(back.problems)).toEqual([]);
    expect(back.template.content).toEqual(template.content);
    // Exported again: the same file, either way.
    expect(exportQdc(codebookOf(template), versionOf(alone.template.content))).toBe(qdc);
    expect(exportQdc(codebookOf(template), versionOf(back.template.content))).toBe(qdc);
  });

  it('keeps kinds, levels, scores, the absent value, anchors, empty groups and variables', () => {
    const qdc = exportQdc(codebookOf(getTemplate('vardanalys-2017')!), versionOf(rich));
    const alone = readQdc(qdc, 'rich.qdc');
    if (!alone.ok) throw new Error(english(alone.problems).join('\n'));
    expect(english(alone.problems)).toEqual([]);
    expect(alone.template.content).toEqual(byGuid(carried(rich)));
    const back = readQdc(qdc, 'rich.qdc', { basis: [rich] });
    expect(back.ok && back.template.content).toEqual(rich);
  });

  it('read into its codebook after edits elsewhere: renamed texts lose their English, a rule whose values are gone is dropped', () => {
    const template = getTemplate('oppna-jamforelser-2019')!;
    const derived = template.content.variables.find((v) => v.derived)!;
    const component = template.content.variables.find((v) => v.id === derived.derived!.components[0]!.variableId)!;
    const qdc = exportQdc(codebookOf(template), versionOf(template.content))
      .replace(`name="${component.label.sv}"`, 'name="Omdöpt"')
      .replace(new RegExp(`\\s*<Code guid="${guidFor(derived.derived!.components[0]!.valueIds[0]!)}"[^>]*?(/>|>[\\s\\S]*?</Code>)`), '');
    const read = readQdc(qdc, 'edited.qdc', { basis: [template.content] });
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    const renamed = read.template.content.variables.find((v) => v.id === component.id)!;
    expect(renamed.label).toEqual({ sv: 'Omdöpt' });
    expect(renamed.description).toEqual(component.description);
    expect(read.template.content.variables.find((v) => v.id === derived.id)!.derived).toBeUndefined();
    expect(english(read.problems)).toEqual([`edited.qdc: ${derived.label.sv}: its derivation rule refers to variables or values that are no longer there; it is an ordinary variable now`]);
    expect(read.problems[0]!.sv).toBe(`edited.qdc: ${derived.label.sv}: dess härledningsregel hänvisar till variabler eller värden som inte längre finns; den är nu en vanlig variabel`);
  });

  it('reads UTF-16 and a byte-order mark', () => {
    const template = getTemplate('oppna-jamforelser-2019')!;
    const qdc = exportQdc(codebookOf(template), versionOf(template.content));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...qdc].flatMap((c) => (c.length === 1 ? [c.charCodeAt(0)] : [c.charCodeAt(0), c.charCodeAt(1)]))).buffer)]);
    expect(decodeQdc(utf16)).toBe(qdc);
    expect(readQdc(`\uFEFF${qdc}`, 'bom.qdc').ok).toBe(true);
  });
});

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// ATLAS.ti shape: upper-case GUIDs in braces, codes as categories (isCodable="true" on parents),
// three levels, descriptions in prose, no colours, code groups as sets (by guid).
const atlas = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="{${G(10).toUpperCase()}}" name="Målgrupper" isCodable="true">
      <Description>Vilka grupper överenskommelsen gäller.</Description>
      <Code guid="${G(11)}" name="Barn och unga" isCodable="true">
        <Code guid="${G(12)}" name="Under 18" isCodable="true"><Description>Personer under 18 år.
Source: SoL</Description></Code>
        <Code guid="${G(13)}" name="Unga vuxna" isCodable="true"/>
      </Code>
      <Code guid="${G(14)}" name="Gravida" isCodable="true"/>
    </Code>
    <Code guid="${G(20)}" name="Ansvar" isCodable="false">
      <Code guid="${G(21)}" name="Kommunen" isCodable="true" color="#46AA00"/>
      <Code guid="${G(22)}" name="Regionen" isCodable="true" color="#abc"/>
    </Code>
    <Code guid="${G(30)}" name="2019 plan" isCodable="true"><Description>Nämns planen?</Description></Code>
    <Code guid="${G(31)}" name="Åtgärd: SIP" isCodable="true"/>
    <Code guid="${G(32)}" name="Atgard SIP" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="${G(40)}" name="Innehåll"><Description>kategorier</Description><MemberCode guid="${G(10)}"/><MemberCode guid="${G(20)}"/><MemberCode guid="${G(21)}"/></Set>
    <Set guid="${G(41)}" name="Lösa koder"><MemberCode guid="${G(30)}"/></Set>
  </Sets>
</CodeBook>`;

describe('REFI-QDA codebook import', () => {
  it('maps an ATLAS.ti-shaped codebook: codable parents, three levels flattened, loose codes, sets, keys from names', () => {
    const read = readQdc(atlas, 'atlas.qdc');
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    const { content } = read.template;
    expect(read.template.name).toEqual({ sv: 'atlas' });
    expect(content.variables.map((v) => [v.key, v.label.sv, v.kind, v.values.map((x) => [x.key, x.label.sv])])).toEqual([
      ['malgrupper', 'Målgrupper', 'single', [['barn_och_unga_under_18', 'Barn och unga / Under 18'], ['barn_och_unga_unga_vuxna', 'Barn och unga / Unga vuxna'], ['gravida', 'Gravida']]],
      ['ansvar', 'Ansvar', 'single', [['kommunen', 'Kommunen'], ['regionen', 'Regionen']]],
      ['koder', 'Koder', 'thematic', [['k_2019_plan', '2019 plan'], ['atgard_sip', 'Åtgärd: SIP'], ['atgard_sip_2', 'Atgard SIP']]],
    ]);
    const [malgrupper, ansvar, koder] = content.variables;
    expect(malgrupper!.id).toBe(G(10));
    expect(malgrupper!.description).toEqual({ sv: 'Vilka grupper överenskommelsen gäller.' });
    // A description that is not ours is the definition as it stands.
    expect(malgrupper!.values[0]!.definition).toEqual({ sv: 'Personer under 18 år.\nSource: SoL' });
    expect(koder!.values[0]!.definition).toEqual({ sv: 'Nämns planen?' });
    // Colours kept ("#abc" widened); missing ones from the palette.
    expect(ansvar!.values.map((x) => x.colour)).toEqual(['#46AA00', '#aabbcc']);
    expect(malgrupper!.values.map((x) => x.colour)).toEqual(['#1f77b4', '#2ca02c', '#ff7f0e']);
    expect(content.groups).toEqual([{ id: G(40), key: 'innehall', label: { sv: 'Innehåll' }, description: { sv: 'kategorier' } }]);
    expect(malgrupper!.groupId).toBe(G(40));
    expect(ansvar!.groupId).toBe(G(40));
    expect(english(read.problems)).toEqual([
      'atlas.qdc: Målgrupper: deeper code levels were flattened into "Parent / Child" values',
      'atlas.qdc: Målgrupper: is a codable code with sub-codes; it becomes a variable whose values are the sub-codes, and codings on "Målgrupper" itself cannot be mapped',
      'atlas.qdc: set "Innehåll": 1 member code(s) that are not top-level codes (variables) were left out',
      'atlas.qdc: set "Lösa koder": its 1 member code(s) are not top-level codes (variables); Överens groups hold variables only, so the set was skipped',
    ]);
    expect(read.problems.map((p) => p.sv)).toEqual([
      'atlas.qdc: Målgrupper: djupare kodnivåer slogs ihop till värden av formen "Kod / Underkod"',
      'atlas.qdc: Målgrupper: är en kodbar kod med underkoder; den blir en variabel vars värden är underkoderna, och kodningar på själva "Målgrupper" kan inte föras över',
      'atlas.qdc: gruppen (Set) "Innehåll": 1 medlemskod(er) som inte är koder på översta nivån (variabler) lämnades utanför',
      'atlas.qdc: gruppen (Set) "Lösa koder": dess 1 medlemskod(er) är inte koder på översta nivån (variabler); grupper i Överens rymmer bara variabler, så gruppen hoppades över',
    ]);
  });

  it('maps a MAXQDA-shaped codebook: the project namespace, every code codable, colours, no sets', () => {
    const maxqda = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:project:1.0">
<Codes>
<Code guid="${G(1)}" name="LVM" isCodable="true" color="#ff0000"><Description>Tvångsvård enligt LVM.</Description>
<Code guid="${G(2)}" name="Ja" isCodable="true" color="#00ff00"/>
<Code guid="${G(3)}" name="Nej" isCodable="true" color="#0000ff"/>
</Code>
</Codes>
</CodeBook>`;
    const read = readQdc(maxqda, 'C:\\Users\\anna\\maxqda.qdc');
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    expect(read.template.name).toEqual({ sv: 'maxqda' });
    expect(read.template.content.variables).toEqual([
      {
        id: G(1), key: 'lvm', label: { sv: 'LVM' }, description: { sv: 'Tvångsvård enligt LVM.' }, codingRule: {}, kind: 'single', level: 'nominal',
        // The parent's codability and colour, kept for the export (the code stays codable there).
        exchange: { codable: true, colour: '#ff0000' },
        values: [
          { id: G(2), key: 'ja', label: { sv: 'Ja' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#00ff00', absent: false },
          { id: G(3), key: 'nej', label: { sv: 'Nej' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#0000ff', absent: false },
        ],
      },
    ]);
    expect(english(read.problems)).toEqual(['C:\\Users\\anna\\maxqda.qdc: LVM: is a codable code with sub-codes; it becomes a variable whose values are the sub-codes, and codings on "LVM" itself cannot be mapped']);
  });

  it('gives known ids and keys back, so a codebook read into the one it came from keeps its codings and columns', () => {
    const read = readQdc(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${guidFor('va17.lvm')}" name="LVM ändrad" isCodable="false"><Code guid="${guidFor('va17.lvm.ja')}" name="Ja" isCodable="true"/><Code guid="${G(5)}" name="Kanske" isCodable="true"/></Code></Codes></CodeBook>`, 'a.qdc', { basis: [getTemplate('vardanalys-2017')!.content] });
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    const lvm = read.template.content.variables[0]!;
    expect(lvm.id).toBe('va17.lvm');
    expect(lvm.values.map((x) => [x.id, x.label])).toEqual([['va17.lvm.ja', { sv: 'Ja', en: 'Yes' }], [G(5), { sv: 'Kanske' }]]);
    // Renamed in the file: the Swedish name as given, the old English one dropped, the key kept.
    expect(lvm.label).toEqual({ sv: 'LVM ändrad' });
    expect([lvm.key, ...lvm.values.map((x) => x.key)]).toEqual(['lvm', 'ja', 'kanske']);
  });

  it('reads the codebook of a whole project.qde', () => {
    const template = getTemplate('oppna-jamforelser-2019')!;
    const qde = projectQde({ project: { id: 'p', name: 'P', description: '', createdAt: 0, updatedAt: 0, settings: { blindCoding: true } }, coders: [], content: template.content, documents: [], segments: [], judgements: [], memos: [] });
    const read = readQdc(qde, 'project.qde', { basis: [template.content] });
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    expect(english(read.problems)).toEqual(['project.qde: a REFI-QDA project (project.qde): only its codebook is read']);
    // A project has no sets in its codebook: no groups.
    expect(read.template.content.variables).toEqual(template.content.variables.map(({ groupId: _groupId, ...v }) => v));
  });

  it('refuses malformed XML, a wrong root or namespace, duplicate GUIDs, codes without names and an empty codebook', () => {
    const code = (guid: string, name: string) => `<Code guid="${guid}" name="${name}" isCodable="true"/>`;
    const cases: [string, RegExp, RegExp][] = [
      ['', /^x\.qdc: the file is empty$/, /^x\.qdc: filen är tom$/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="A">', /^x\.qdc: not well-formed XML \(line 1, column \d+: elements not closed: <CodeBook>, <Codes>, <Code>\)$/, /^x\.qdc: inte välformad XML \(rad 1, kolumn \d+: element som inte stängs: <CodeBook>, <Codes>, <Code>\)$/],
      // The XML validator's own message is English in both languages.
      ['<CodeBook><Codes></CodeBook>', /^x\.qdc: not well-formed XML \(line 1, column \d+: Expected closing tag 'Codes'/, /^x\.qdc: inte välformad XML \(rad 1, kolumn \d+: Expected closing tag 'Codes'/],
      ['Kodbok: LVM, SIP', /^x\.qdc: not well-formed XML/, /^x\.qdc: inte välformad XML/],
      [
        `<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes>${code(G(1), 'A')}</Codes></CodeBook>`,
        /^x\.qdc: the root element <CodeBook> is in namespace "urn:QDA-XML:codebook:1:0", not urn:QDA-XML:codebook:1\.0 \(a REFI-QDA codebook\)$/,
        /^x\.qdc: rotelementet <CodeBook> ligger i namnrymden "urn:QDA-XML:codebook:1:0", inte urn:QDA-XML:codebook:1\.0 \(en REFI-QDA-kodbok\)$/,
      ],
      [
        `<Codebook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${code(G(1), 'A')}</Codes></Codebook>`,
        /^x\.qdc: the root element is <Codebook> in namespace "urn:QDA-XML:codebook:1\.0", not <CodeBook> in namespace urn:QDA-XML:codebook:1\.0/,
        /^x\.qdc: rotelementet är <Codebook> i namnrymden "urn:QDA-XML:codebook:1\.0", inte <CodeBook> i namnrymden urn:QDA-XML:codebook:1\.0/,
      ],
      ['<html><body>Not found</body></html>', /^x\.qdc: the root element is <html>, not <CodeBook>/, /^x\.qdc: rotelementet är <html>, inte <CodeBook>/],
      [
        `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${code(G(1), 'A')}<Code guid="{${G(1).toUpperCase()}}" name="B" isCodable="false">${code(G(2), 'C')}${code(G(2), 'D')}</Code></Codes></CodeBook>`,
        /^x\.qdc: the GUID 00000000-0000-4000-8000-000000000001 is used by 2 codes \("A", "B"\); GUIDs must be unique$/,
        /^x\.qdc: GUID 00000000-0000-4000-8000-000000000001 används av 2 koder \("A", "B"\); varje GUID måste vara unik$/,
      ],
      [
        `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" isCodable="false">${code(G(2), ' ')}</Code></Codes></CodeBook>`,
        /^x\.qdc: a code with GUID 00000000-0000-4000-8000-000000000001 has no name$/,
        /^x\.qdc: en kod med GUID 00000000-0000-4000-8000-000000000001 saknar namn$/,
      ],
      [`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="Utan" isCodable="true"/></Codes></CodeBook>`, /^x\.qdc: the code "Utan" has no GUID$/, /^x\.qdc: koden "Utan" saknar GUID$/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', /^x\.qdc: the codebook has no codes$/, /^x\.qdc: kodboken har inga koder$/],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', /^x\.qdc: the codebook has no codes$/, /^x\.qdc: kodboken har inga koder$/],
    ];
    for (const [xml, en, sv] of cases) {
      const read = readQdc(xml, 'x.qdc');
      expect(read.ok, xml).toBe(false);
      expect(read.problems[0]!.en, xml).toMatch(en);
      expect(read.problems[0]!.sv, xml).toMatch(sv);
    }
    const duplicates = readQdc(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${code(G(1), 'A')}<Code guid="${G(3)}" name="B" isCodable="false">${code(G(2), 'C')}${code(G(2), 'D')}</Code></Codes></CodeBook>`, 'x.qdc');
    expect(english(duplicates.problems)).toEqual(['x.qdc: the GUID 00000000-0000-4000-8000-000000000002 is used by 2 codes ("C", "D"); GUIDs must be unique']);
    const noName = readQdc(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" name="P" isCodable="false"><Code guid="${G(2)}" isCodable="true"/></Code></Codes></CodeBook>`, 'x.qdc');
    expect(english(noName.problems)).toEqual(['x.qdc: a code with GUID 00000000-0000-4000-8000-000000000002 (under "P") has no name']);
  });

  it('accepts a codebook without a namespace, and says so', () => {
    const read = readQdc(`<CodeBook><Codes><Code guid="${G(1)}" name="A" isCodable="true"/></Codes></CodeBook>`, 'x.qdc');
    expect(read.ok && read.problems).toEqual([{ sv: 'x.qdc: rotelementet <CodeBook> har ingen namnrymd; lästes som urn:QDA-XML:codebook:1.0', en: 'x.qdc: the root element <CodeBook> has no namespace; read as urn:QDA-XML:codebook:1.0' }]);
  });

  it('reports an unusable "Överens:" line and keeps going', () => {
    const read = readQdc(
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" name="V" isCodable="false"><Description>Överens: key=1bad; kind=single; level=ratio</Description><Code guid="${G(2)}" name="A" isCodable="true"><Description>Överens: absent; score=x</Description></Code><Code guid="${G(3)}" name="B" isCodable="true"><Description>Överens: absent</Description></Code></Code></Codes></CodeBook>`,
      'x.qdc',
    );
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    const v = read.template.content.variables[0]!;
    expect([v.key, v.kind, v.level, v.values.map((x) => x.absent)]).toEqual(['v', 'single', 'nominal', [true, false]]);
    expect(english(read.problems)).toEqual([
      'x.qdc: V: "A" has the score "x", which is not a number; ignored',
      'x.qdc: V: "B" is marked as a second "absent" value; only the first one is',
      'x.qdc: V: ratio needs a score on every value; read as nominal',
      'x.qdc: variable "V": the key "1bad" is not usable (taken or not a valid key); a key was made from the name',
    ]);
  });

  it('gives every problem in Swedish and English, each starting with the file name', () => {
    const read = readQdc(
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="${G(1)}" name="V" isCodable="false"><Description>Överens: key=1bad; kind=multi; level=interval</Description><Code guid="${G(2)}" name="A" isCodable="true"><Description>Överens: absent; score=x; key=2x</Description></Code><Code guid="${G(3)}" name="B" isCodable="true"><Description>Överens: absent</Description></Code></Code>
  <Code guid="${G(4)}" name="W" isCodable="true"><Description>Överens: kind=lista; level=skala</Description><Code guid="${G(5)}" name="C" isCodable="true"><Code guid="${G(6)}" name="D" isCodable="true"/></Code></Code>
  <Code guid="${G(7)}" name="E" isCodable="false"><Description>Överens: kind=single</Description><Code guid="${G(8)}" name="F" isCodable="true"/></Code>
</Codes><Sets>
  <Set guid="${G(20)}" name="Ett"><Description>Överens: key=_no</Description><MemberCode guid="${G(1)}"/><MemberCode guid="${G(2)}"/></Set>
  <Set guid="${G(21)}" name="Två"><MemberCode guid="${G(1)}"/></Set>
  <Set name="Utan GUID"/><Set guid="${G(22)}"/>
</Sets></CodeBook>`,
      'många.qdc',
    );
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    expect(read.problems.map((p) => p.sv)).toEqual([
      'många.qdc: V: värdet "A": nyckeln "2x" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet',
      'många.qdc: V: "A" har poängen (score) "x", som inte är ett tal; den användes inte',
      'många.qdc: V: "B" är markerat som ett andra frånvarande värde ("absent"); bara det första räknas som det',
      'många.qdc: V: intervallskala (level=interval) kräver poäng (score) på varje värde; lästes som nominalskala',
      'många.qdc: W: djupare kodnivåer slogs ihop till värden av formen "Kod / Underkod"',
      'många.qdc: W: är en kodbar kod med underkoder; den blir en variabel vars värden är underkoderna, och kodningar på själva "W" kan inte föras över',
      'många.qdc: W: okänd variabeltyp "lista"; lästes som "tematisk"',
      'många.qdc: W: okänd mätnivå "skala"; lästes som nominalskala',
      'många.qdc: E: en variabel av typen "ett värde" (kind=single) behöver minst två värden; lästes som "tematisk"',
      'många.qdc: variabeln "V": nyckeln "1bad" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet',
      'många.qdc: gruppen (Set) "Ett": 1 medlemskod(er) som inte är koder på översta nivån (variabler) lämnades utanför',
      'många.qdc: en grupp (Set) "Utan GUID" utan GUID hoppades över',
      'många.qdc: en grupp (Set) utan namn hoppades över',
      'många.qdc: gruppen (Set) "Ett": nyckeln "_no" går inte att använda (upptagen eller ingen giltig nyckel); en nyckel gjordes av namnet',
      'många.qdc: "V" finns i mer än en grupp (Set); den stannar i den första ("Ett")',
    ]);
    expect(english(read.problems)).toEqual([
      'många.qdc: V: value "A": the key "2x" is not usable (taken or not a valid key); a key was made from the name',
      'många.qdc: V: "A" has the score "x", which is not a number; ignored',
      'många.qdc: V: "B" is marked as a second "absent" value; only the first one is',
      'många.qdc: V: interval needs a score on every value; read as nominal',
      'många.qdc: W: deeper code levels were flattened into "Parent / Child" values',
      'många.qdc: W: is a codable code with sub-codes; it becomes a variable whose values are the sub-codes, and codings on "W" itself cannot be mapped',
      'många.qdc: W: unknown kind "lista"; read as thematic',
      'många.qdc: W: unknown measurement level "skala"; read as nominal',
      'många.qdc: E: a single variable needs at least two values; read as thematic',
      'många.qdc: variable "V": the key "1bad" is not usable (taken or not a valid key); a key was made from the name',
      'många.qdc: set "Ett": 1 member code(s) that are not top-level codes (variables) were left out',
      'många.qdc: a set "Utan GUID" without a GUID was skipped',
      'många.qdc: a set without a name was skipped',
      'många.qdc: set "Ett": the key "_no" is not usable (taken or not a valid key); a key was made from the name',
      'många.qdc: "V" is in more than one set; it stays in the first ("Ett")',
    ]);
    for (const p of read.problems) expect(p.sv, p.en).not.toBe(p.en);
  });
});

describe('description text', () => {
  it('reads back what it writes, in Swedish or English headings', () => {
    const parts = { text: 'Definition.\n\nTvå stycken.', rule: 'Regel', anchors: [{ text: 'Citat med ”inre” citat', source: 'Källa' }, { text: 'Två\nrader' }], terms: ['a', 'b c'], source: 'Bilaga 2', meta: { key: 'k', absent: true as const } };
    for (const lang of ['sv', 'en'] as const) {
      expect(readCodeText(writeCodeText(parts, lang), ['rule', 'anchors', 'terms', 'source'])).toEqual(parts);
    }
    expect(writeCodeText(parts, 'en')).toContain('Anchor examples:\n- ”Citat med ”inre” citat” — Källa');
  });

  it('makes keys from names: å/ä/ö, other letters, digits first, nothing left', () => {
    expect(['Åtgärd för äldre/öppen vård', 'Straße & Ørsted', '2019', '???', 'x'.repeat(80)].map(baseKey)).toEqual(['atgard_for_aldre_oppen_vard', 'strasse_orsted', 'k_2019', 'k', 'x'.repeat(50)]);
  });
});
