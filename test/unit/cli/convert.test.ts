// `overens convert`: .qdpx ↔ the statistics CSV formats. A codings CSV becomes a REFI-QDA
// project that validates against Project.xsd and reads back to the same rows; a package in the
// shape other QDA programs write becomes long, wide and segments datasets (CSV and XLSX); bad
// input is reported naming the file, with the exit status of the other commands.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { shared } from '../../shared-dir';
import { english } from '../../../src/formats/messages';
import { readQdpx, type ImportedCode } from '../../../src/formats/refi-qda-import';
import { parseCodingsCsv, parseSegmentsCsv } from '../../../src/formats/stats-csv';
import { cli, tempFiles } from './run-cli';

const XSD = shared('refi-qda', 'Project.xsd');
const { dir, file } = tempFiles('overens-convert-');
const out = (name: string) => path.join(dir, name);

const codingsCsv = [
  'document,coder,variable,value,level',
  'avtal-a.pdf,Anna,LVM,Ja,county',
  'avtal-a.pdf,Bertil,LVM,Nej,county',
  'avtal-a.pdf,Anna,Målgrupp,Barn,county',
  'avtal-a.pdf,Anna,Målgrupp,Äldre,',
  'avtal-a.pdf,Bertil,Målgrupp,Barn,county',
  'avtal-b.txt,Anna,LVM,Nej,local',
  'avtal-b.txt,Konsensus,LVM,Ja,local',
  'avtal-b.txt,Bertil,LVM,,local',
  '"avtal ""c"", kopia.pdf",Anna,Antal parter,2,',
  '"avtal ""c"", kopia.pdf",Bertil,Antal parter,10,',
].join('\n');

/** The coded (document, coder, variable, value) rows of a long CSV, sorted (papaparse, not our reader). */
function rowsOf(csv: string): string[] {
  const [header = [], ...rows] = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  const at = (name: string) => header.indexOf(name);
  return rows.filter((r) => r[at('value')]).map((r) => JSON.stringify(['document', 'coder', 'variable', 'value'].map((c) => r[at(c)]))).sort();
}

function validate(qdpx: string): Promise<string> {
  return JSZip.loadAsync(readFileSync(qdpx)).then(async (zip) => {
    const qde = await zip.file('project.qde')!.async('string');
    const qdeFile = out(`${path.basename(qdpx)}.qde`);
    writeFileSync(qdeFile, qde);
    expect(execFileSync('xmllint', ['--noout', '--schema', XSD, qdeFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
    return qde;
  });
}

async function xlsxRows(file: string, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = readFileSync(file);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return (ws.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
}

describe('overens convert: CSV → .qdpx', () => {
  it('builds a REFI-QDA project that validates against Project.xsd, with texts from --texts', async () => {
    const input = file('codings.csv', codingsCsv);
    const texts = path.join(dir, 'texter');
    mkdirSync(texts, { recursive: true });
    writeFileSync(path.join(texts, 'avtal-a.txt'), 'Avtal A gäller LVM.\r\nMålgrupp: barn och äldre 🙂\r\n');
    writeFileSync(path.join(texts, 'avtal-b.txt'), Buffer.from('Avtal B, kommunen ansvarar för vården.', 'latin1'));
    const { code, stdout, stderr } = await cli(['convert', input, out('studie.qdpx'), '--texts', texts]);
    expect(code).toBe(0);
    expect(stdout).toContain('REFI-QDA project "codings" with 3 variable(s) (6 value(s)) and 9 coding(s); 3 document(s), 3 coder(s)');
    // The empty-value row, the Windows-1252 text and the document without a text are reported.
    expect(stderr).toContain('1 row(s) with an empty value (not coded) are left out');
    expect(stderr).toContain(`${path.join(texts, 'avtal-b.txt')}: the file was not UTF-8 and was read as Windows-1252\n`);
    expect(stderr).toContain('no text for 1 of 3 document(s) ("avtal "c", kopia.pdf")');
    const qde = await validate(out('studie.qdpx'));
    expect(qde).toContain('<User guid=');
    expect(qde.match(/<User /g)).toHaveLength(3);
    // Variables are parent codes (not codable), values their codable children; numbers in numeric order.
    const read = await readQdpx(new Uint8Array(readFileSync(out('studie.qdpx'))));
    if (!read.ok) throw new Error(english(read.problems).join('\n'));
    const tree = (codes: ImportedCode[]): unknown[] => codes.map((c) => ({ name: c.name, isCodable: c.isCodable, children: tree(c.children) }));
    const value = (name: string) => ({ name, isCodable: true, children: [] });
    expect(tree(read.project.codes)).toEqual([
      { name: 'LVM', isCodable: false, children: [value('Ja'), value('Nej')] },
      { name: 'Målgrupp', isCodable: false, children: [value('Barn'), value('Äldre')] },
      { name: 'Antal parter', isCodable: false, children: [value('2'), value('10')] },
    ]);
    expect(read.project.users.map((u) => u.name)).toEqual(['Anna', 'Bertil', 'Konsensus']);
    expect(read.project.sources.map((s) => [s.name, s.variables])).toEqual([['avtal-a.pdf', { level: 'county' }], ['avtal-b.txt', { level: 'local' }], ['avtal "c", kopia.pdf', {}]]);
    expect(qde).toContain('<Variable guid=');
    expect(qde).toContain('<TextValue>county</TextValue>');
    // One selection over the whole text per coding (positions in Unicode characters: the emoji is one).
    const textA = 'Avtal A gäller LVM.\nMålgrupp: barn och äldre 🙂\n';
    expect(qde).toContain(`startPosition="0" endPosition="${[...textA].length}"`);
    const zip = await JSZip.loadAsync(readFileSync(out('studie.qdpx')));
    const sourceTexts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.txt')).map((f) => f.async('string')));
    expect(sourceTexts).toContain(textA);
    expect(sourceTexts).toContain('Avtal B, kommunen ansvarar för vården.');
    expect(sourceTexts).toContain('avtal "c", kopia.pdf: the text of this document is not included (converted from codings.csv by Överens); its codings apply to the whole document.');
    // The package reads back as the app imports it; the only note is the app's: a user called
    // "Konsensus" (a coder of the CSV, not an Överens consensus user) is renamed in a project.
    const check = await cli(['qdpx', out('studie.qdpx'), '--json']);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, users: 3, sources: 3, codes: 9, selections: 9, codings: 9, variables: 1, problems: ['User "Konsensus" was renamed to "Konsensus (2)" (coder names must be unique)'] });
  });

  it('says when a text in --texts exists but cannot be read, instead of treating it as absent', async () => {
    const input = file('loop.csv', 'document,coder,variable,value\nloop.txt,Anna,LVM,Ja\n');
    const texts = path.join(dir, 'texter-loop');
    mkdirSync(texts, { recursive: true });
    const looping = path.join(texts, 'loop.txt.txt');
    rmSync(looping, { force: true });
    symlinkSync(looping, looping);
    const { code, stderr } = await cli(['convert', input, out('loop.qdpx'), '--texts', texts]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${looping}: cannot be read (ELOOP`);
    expect(stderr).toContain('no text for 1 of 1 document(s)');
  });

  it('takes the original PDF/DOCX from --texts (extracted as the app imports them) and attributes from --attributes', async () => {
    const corpus = shared('corpus', 'synthetic');
    const input = file('korpus.csv', 'document,coder,variable,value\ns001-stockholm.pdf,Anna,LVM,Ja\ns002-uppsala.docx,Anna,LVM,Nej\n');
    const { code, stderr } = await cli(['convert', input, out('korpus.qdpx'), '--texts', corpus, '--attributes', path.join(corpus, 'documents.csv')]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('generated text');
    const qde = await validate(out('korpus.qdpx'));
    expect(qde).toMatch(/<PDFSource guid="([^"]+)" name="s001-stockholm.pdf" path="internal:\/\/\1.pdf"/);
    expect(qde).toMatch(/<TextSource guid="[^"]+" name="s002-uppsala.docx"/);
    expect(qde).toContain('<TextValue>Stockholm</TextValue>');
    // The Uppsala row is keyed s002-uppsala.pdf: it reaches the DOCX by its name without extension.
    expect(qde).toContain('<TextValue>Uppsala</TextValue>');
    const zip = await JSZip.loadAsync(readFileSync(out('korpus.qdpx')));
    const pdf = Object.values(zip.files).find((f) => f.name.endsWith('.pdf'))!;
    expect(Buffer.from(await pdf.async('uint8array')).equals(readFileSync(path.join(corpus, 's001-stockholm.pdf')))).toBe(true);
    // Back to a segments CSV: each coding covers the whole extracted text.
    expect((await cli(['convert', out('korpus.qdpx'), out('korpus-seg.csv'), '--format', 'segments'])).code).toBe(0);
    const extracted = await cli(['extract', path.join(corpus, 's002-uppsala.docx'), '--text']);
    const segments = parseSegmentsCsv(readFileSync(out('korpus-seg.csv'), 'utf8')).rows;
    expect(segments.find((r) => r.document === 's002-uppsala.docx')).toMatchObject({ start: 0, end: extracted.stdout.replace(/\n$/, '').length });
    const back = await cli(['convert', out('korpus.qdpx'), out('korpus-tillbaka.csv')]);
    expect(readFileSync(out('korpus-tillbaka.csv'), 'utf8').split('\r\n').slice(0, 2)).toEqual([
      // municipality is empty for both documents: no such attribute.
      'document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count,county,level,title,valid_from,valid_to',
      's001-stockholm.pdf,Anna,LVM,Ja,human,single,nominal,1,2,Stockholm,county,Länsövergripande överenskommelse om samverkan inom missbruks- och beroendevården,2017-09-01,2020-09-01',
    ]);
    expect(back.code).toBe(0);
  });

  it('round-trips: CSV → .qdpx → CSV gives the same (document, coder, variable, value) rows and attributes', async () => {
    const input = file('runda.csv', codingsCsv);
    expect((await cli(['convert', input, out('runda.qdpx')])).code).toBe(0);
    await validate(out('runda.qdpx'));
    const back = await cli(['convert', out('runda.qdpx'), out('runda-tillbaka.csv')]);
    expect(back.code).toBe(0);
    expect(back.stderr).toContain('1 coding(s) have several values for one document, coder and variable, written as one row per value');
    const text = readFileSync(out('runda-tillbaka.csv'), 'utf8');
    expect(rowsOf(text)).toEqual(rowsOf(codingsCsv));
    expect(rowsOf(text)).toHaveLength(9);
    expect(text.split('\r\n')[0]).toBe('document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count,level');
    expect(text).toContain('avtal-a.pdf,Anna,Målgrupp,Äldre,human,multi,nominal,2,2,county');
    expect(text).toContain('"avtal ""c"", kopia.pdf",Bertil,Antal parter,10,human,single,nominal,2,2,\r\n');
  });

  it('converts long codings to the wide dataset, and reads attributes from --attributes', async () => {
    const input = file('bred.csv', codingsCsv);
    const attributes = file('dokument.csv', 'file;county;level\navtal-a.pdf;Dalarna;county\nokänd.pdf;Gotland;local\n');
    const { code, stderr } = await cli(['convert', input, out('bred-ut.csv'), '--format', 'wide', '--attributes', attributes]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${attributes}: 1 row(s) match no document of ${input} ("okänd.pdf"); not used`);
    const lines = readFileSync(out('bred-ut.csv'), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('document,coder,county,level,lvm,lvm__ja,lvm__nej,malgrupp,malgrupp__barn,malgrupp__aldre,antal_parter,antal_parter__k_2,antal_parter__k_10');
    // Målgrupp has two values from Anna on avtal-a: multi — empty code column, both indicators 1.
    expect(lines).toContain('avtal-a.pdf,Anna,Dalarna,county,1,1,0,,1,1,,,');
    expect(lines).toContain('avtal-a.pdf,Bertil,Dalarna,county,2,0,1,,1,0,,,');
    expect(lines).toContain('"avtal ""c"", kopia.pdf",Bertil,,,,,,,,,2,0,1');
    expect(lines).toHaveLength(7);
  });
});

// A package in the shape other programs write: hierarchical codes (two levels, a codable parent
// used directly), codes without a parent, selections and whole-source codings by several users
// (one called Konsensus), CRLF text, variables on the source and on a Case, and a selection
// outside the text (a problem).
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text1 = 'Rubrik\r\nPersoner som vårdas enligt LVM omfattas.\r\nBarn och unga ingår.';
const at = (s: string) => text1.replace(/\r\n/g, '\n').indexOf(s);
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Extern studie">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Konsensus"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="LVM" isCodable="false"><Code guid="${G(11)}" name="Ja" isCodable="true"/><Code guid="${G(12)}" name="Nej" isCodable="true"/></Code>
    <Code guid="${G(13)}" name="Målgrupp" isCodable="true"><Code guid="${G(14)}" name="Barn" isCodable="true"><Code guid="${G(15)}" name="Unga" isCodable="true"/></Code><Code guid="${G(16)}" name="Äldre" isCodable="true"/></Code>
    <Code guid="${G(17)}" name="Citat" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="level" typeOfVariable="Text"/><Variable guid="${G(21)}" name="Län" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${G(60)}" name="Dalarna"><VariableValue><VariableRef targetGUID="${G(21)}"/><TextValue>Dalarna</TextValue></VariableValue><SourceRef targetGUID="${G(30)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${G(30)}" name="avtal 1.txt" plainTextPath="internal://${G(30)}.txt">
      <PlainTextSelection guid="${G(31)}" startPosition="${at('LVM')}" endPosition="${at('LVM') + 3}" creatingUser="${G(1)}"><Coding guid="${G(32)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(33)}" startPosition="${at('Barn och unga')}" endPosition="${at('Barn och unga') + 13}" creatingUser="${G(1)}"><Coding guid="${G(34)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(15)}"/></Coding><Coding guid="${G(35)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(17)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(36)}" startPosition="0" endPosition="6" creatingUser="${G(1)}"><Coding guid="${G(37)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(13)}"/></Coding><NoteRef targetGUID="${G(40)}"/></PlainTextSelection>
      <PlainTextSelection guid="${G(38)}" startPosition="5000" endPosition="5010" creatingUser="${G(1)}"><Coding guid="${G(39)}"><CodeRef targetGUID="${G(12)}"/></Coding></PlainTextSelection>
      <Coding guid="${G(41)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(11)}"/></Coding>
      <Coding guid="${G(42)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
      <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>county</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="${G(50)}" name="avtal 2.txt" plainTextPath="internal://${G(50)}.txt">
      <Coding guid="${G(51)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(12)}"/></Coding>
      <Coding guid="${G(52)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(16)}"/></Coding>
    </TextSource>
  </Sources>
  <Notes><Note guid="${G(40)}"><PlainTextContent>Rubriken, "allmänt"</PlainTextContent></Note></Notes>
</Project>`;

async function externalPackage(name: string): Promise<string> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${G(30)}.txt`, text1);
  zip.file(`sources/${G(50)}.txt`, 'Andra avtalet.');
  return file(name, await zip.generateAsync({ type: 'uint8array' }));
}

describe('overens convert: .qdpx → datasets', () => {
  it('writes long codings: parent code = variable, child = value, loose codes under "Koder", user names kept', async () => {
    const input = await externalPackage('extern.qdpx');
    const { code, stdout, stderr } = await cli(['convert', input, out('extern-lang.csv')]);
    expect(code).toBe(0);
    expect(stdout).toContain('long: 7 row(s); 2 document(s), 2 coder(s)');
    // Problems of the package: on stderr, naming the file; the conversion still succeeds.
    expect(stderr).toContain(`${input}: avtal 1.txt: 1 selection(s) lie outside the text; skipped: ${G(38)} (5000–5010)`);
    expect(stderr).toContain(`${input}: Målgrupp: deeper code levels were flattened into "Parent / Child" values`);
    // In English only: the readers' Swedish texts are for the app.
    expect(stderr).not.toMatch(/hoppades över|slogs ihop/);
    const text = readFileSync(out('extern-lang.csv'), 'utf8');
    expect(text.split('\r\n')).toEqual([
      // The package's "Konsensus" is a user like any other (not an Överens consensus user): human.
      'document,coder,variable,value,coder_kind,variable_kind,variable_level,value_code,value_count,Län,level',
      'avtal 1.txt,Anna,LVM,Ja,human,single,nominal,1,2,Dalarna,county',
      'avtal 1.txt,Anna,Målgrupp,Målgrupp (allmänt),human,multi,nominal,1,3,Dalarna,county',
      'avtal 1.txt,Anna,Målgrupp,Barn / Unga,human,multi,nominal,2,3,Dalarna,county',
      'avtal 1.txt,Anna,Koder,Citat,human,thematic,nominal,1,1,Dalarna,county',
      'avtal 1.txt,Konsensus,LVM,Ja,human,single,nominal,1,2,Dalarna,county',
      'avtal 2.txt,Konsensus,LVM,Nej,human,single,nominal,2,2,,',
      'avtal 2.txt,Konsensus,Målgrupp,Äldre,human,multi,nominal,3,3,,',
      '',
    ]);
    // Anna's two values of Målgrupp are two rows, which the statistics reader refuses (said on stderr)…
    expect(stderr).toContain('1 coding(s) have several values for one document, coder and variable');
    expect(parseCodingsCsv(text).problems).toHaveLength(1);
    // …while one value per row key is the statistics commands' input as it stands.
    expect((await cli(['convert', input, out('extern-konsensus.csv'), '--coder', 'Konsensus'])).stderr).not.toContain('several values');
    expect(parseCodingsCsv(readFileSync(out('extern-konsensus.csv'), 'utf8')).problems).toEqual([]);
    const prevalence = await cli(['prevalence', out('extern-konsensus.csv'), '--documents', file('docs.csv', 'document\navtal 1.txt\navtal 2.txt\n'), '--csv']);
    expect(prevalence.code).toBe(0);
    expect(prevalence.stdout).toContain('LVM,all,2,0,Ja,1,50');
  });

  it('keeps one coder with --coder, and writes XLSX for an .xlsx output', async () => {
    const input = await externalPackage('extern-xlsx.qdpx');
    const { code } = await cli(['convert', input, out('konsensus.xlsx'), '--coder', 'Konsensus']);
    expect(code).toBe(0);
    expect(await xlsxRows(out('konsensus.xlsx'), 'codings')).toEqual([
      ['document', 'coder', 'variable', 'value', 'coder_kind', 'variable_kind', 'variable_level', 'value_code', 'value_count', 'Län', 'level'],
      ['avtal 1.txt', 'Konsensus', 'LVM', 'Ja', 'human', 'single', 'nominal', '1', '2', 'Dalarna', 'county'],
      ['avtal 2.txt', 'Konsensus', 'LVM', 'Nej', 'human', 'single', 'nominal', '2', '2'],
      ['avtal 2.txt', 'Konsensus', 'Målgrupp', 'Äldre', 'human', 'single', 'nominal', '3', '3'],
    ]);
    expect((await cli(['convert', input, out('bred.xlsx'), '--format', 'wide'])).code).toBe(0);
    const wide = await xlsxRows(out('bred.xlsx'), 'data');
    expect(wide[0]!.slice(0, 6)).toEqual(['document', 'coder', 'L_n', 'level', 'lvm', 'lvm__ja']);
    expect(wide[1]!.slice(0, 6)).toEqual(['avtal 1.txt', 'Anna', 'Dalarna', 'county', 1, 1]);
    expect(await xlsxRows(out('bred.xlsx'), 'codebook')).toContainEqual(['lvm', 'LVM', 1, 'Ja']);
  });

  it('writes every passage with --format segments (CSV readable by overens unitizing, and XLSX)', async () => {
    const input = await externalPackage('extern-seg.qdpx');
    expect((await cli(['convert', input, out('markeringar.csv'), '--format', 'segments'])).code).toBe(0);
    const csv = readFileSync(out('markeringar.csv'), 'utf8');
    const normalised = text1.replace(/\r\n/g, '\n');
    const start = normalised.indexOf('Barn och unga');
    expect(csv.split('\r\n')).toEqual([
      'document,coder,variable,code,page,start,end,quote,memo,orphaned',
      'avtal 1.txt,Anna,Målgrupp,Målgrupp (allmänt),,0,6,Rubrik,"Rubriken, ""allmänt""",0',
      `avtal 1.txt,Anna,LVM,Ja,,${normalised.indexOf('LVM')},${normalised.indexOf('LVM') + 3},LVM,,0`,
      `avtal 1.txt,Anna,Målgrupp,Barn / Unga,,${start},${start + 13},Barn och unga,,0`,
      `avtal 1.txt,Anna,Koder,Citat,,${start},${start + 13},Barn och unga,,0`,
      '',
    ]);
    expect(parseSegmentsCsv(csv).problems).toEqual([]);
    expect((await cli(['convert', input, out('markeringar.xlsx'), '--format', 'segments'])).code).toBe(0);
    const rows = await xlsxRows(out('markeringar.xlsx'), 'segments');
    expect(rows[0]).toEqual(['document', 'coder', 'variable', 'code', 'page', 'start', 'end', 'quote', 'memo', 'orphaned']);
    expect(rows[2]).toEqual(['avtal 1.txt', 'Anna', 'LVM', 'Ja', undefined, normalised.indexOf('LVM'), normalised.indexOf('LVM') + 3, 'LVM', undefined, 0]);
    expect(rows).toHaveLength(5);
  });
});

describe('overens convert: help and bad input', () => {
  it('has --help and is listed', async () => {
    const help = await cli(['convert', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: overens convert <in> <out> [--format long|wide|segments|qdpx]');
    expect(help.stdout).toContain('a variable with several values from one');
    expect((await cli(['--help'])).stdout).toMatch(/convert\s+convert between \.qdpx and the statistics CSV formats/);
  });

  it('refuses unknown extensions and impossible combinations with the usage (exit 2)', async () => {
    const input = file('ok.csv', codingsCsv);
    const unknownIn = await cli(['convert', file('codings.txt', codingsCsv), out('x.qdpx')]);
    expect(unknownIn.code).toBe(2);
    expect(unknownIn.stderr).toContain('codings.txt" from its extension ".txt"; it must end in .qdpx or .csv');
    expect(unknownIn.stderr).toContain('Usage: overens convert');
    const unknownOut = await cli(['convert', input, out('x.json')]);
    expect(unknownOut.code).toBe(2);
    expect(unknownOut.stderr).toContain('x.json" from its extension ".json"; it must end in .qdpx or .csv or .xlsx');
    expect((await cli(['convert', input, out('x.csv'), '--format', 'segments'])).stderr).toContain('a codings CSV has no passages');
    expect((await cli(['convert', input, out('x.csv'), '--format', 'qdpx'])).stderr).toContain('--format qdpx writes a .qdpx file');
    expect((await cli(['convert', input, out('x.qdpx'), '--format', 'wide'])).code).toBe(2);
    expect((await cli(['convert', input, out('x.csv'), '--format', 'brett'])).stderr).toContain('--format must be one of long, wide, segments, qdpx');
    expect((await cli(['convert', input, input])).stderr).toContain('the output must be another file than the input');
    expect((await cli(['convert', input])).code).toBe(2);
    expect(existsSync(out('x.qdpx'))).toBe(false);
  });

  it('reports a missing input, a missing --texts folder and an unknown --coder (exit 1)', async () => {
    const missing = await cli(['convert', out('finns-inte.csv'), out('y.qdpx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${out('finns-inte.csv')}: no such file\n`);
    const missingQdpx = await cli(['convert', out('finns-inte.qdpx'), out('y.csv')]);
    expect(missingQdpx).toMatchObject({ code: 1, stderr: `${out('finns-inte.qdpx')}: no such file\n` });
    const input = file('ok2.csv', codingsCsv);
    expect(await cli(['convert', input, out('y.qdpx'), '--texts', out('ingen-mapp')])).toMatchObject({ code: 1, stderr: `${out('ingen-mapp')}: no such folder (--texts)\n` });
    const coder = await cli(['convert', input, out('y.csv'), '--coder', 'Cecilia']);
    expect(coder).toMatchObject({ code: 1, stderr: `${input}: no coder "Cecilia" (coders: Anna, Bertil, Konsensus)\n` });
    expect(existsSync(out('y.qdpx'))).toBe(false);
  });

  it('reports malformed CSV with file and line (exit 1)', async () => {
    const noValue = file('utan-value.csv', 'document,coder,variable\na.pdf,Anna,LVM\n');
    const r1 = await cli(['convert', noValue, out('z.qdpx')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`${noValue}:1: missing column value in the header (found: document, coder, variable)`);
    const bad = file('trasig.csv', ['document,coder,variable,value,level', 'a.pdf,Anna,LVM,Ja,county', 'a.pdf,Anna,LVM,Ja,county', 'a.pdf,,LVM,Nej,county', 'b.pdf,Anna,LVM,Ja', 'a.pdf,Bertil,LVM,Ja,local', 'c.pdf,Anna,LVM,,', 'c.pdf,Anna,LVM,Nej,'].join('\n'));
    const r2 = await cli(['convert', bad, out('z.qdpx')]);
    expect(r2.code).toBe(1);
    // Every problem, in line order.
    expect(r2.stderr.trim().split('\n')).toEqual([
      `${bad}:3: duplicate row: the same as line 2`,
      `${bad}:4: empty coder`,
      `${bad}:5: expected 5 fields, found 4`,
      `${bad}:6: attribute "level" of document "a.pdf" is "local" here but "county" on line 2`,
      `${bad}:8: coder "Anna" leaves "LVM" of document "c.pdf" empty (not coded) on line 7 but gives it a value on line 8`,
    ]);
    const empty = file('tom.csv', 'document,coder,variable,value\n');
    expect(await cli(['convert', empty, out('z.qdpx')])).toMatchObject({ code: 1, stderr: `${empty}: no codings (only a header)\n` });
    expect(existsSync(out('z.qdpx'))).toBe(false);
  });

  it('reports a .qdpx that cannot be read (exit 1) and one whose project.qde is broken', async () => {
    const notZip = file('trasig.qdpx', 'inte en zip');
    const r1 = await cli(['convert', notZip, out('w.csv')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(`${notZip}: not a REFI-QDA project (zip)`);
    const zip = new JSZip();
    zip.file('project.qde', '<Inte>ett projekt</Inte>');
    const noProject = file('fel-rot.qdpx', await zip.generateAsync({ type: 'uint8array' }));
    const r2 = await cli(['convert', noProject, out('w.csv')]);
    expect(r2).toMatchObject({ code: 1, stderr: `${noProject}: project.qde is not valid QDA-XML: the root element is not <Project>\n` });
    const unsafe = new JSZip();
    unsafe.file('project.qde', qde);
    unsafe.file('../utanför.txt', 'x');
    const r3 = await cli(['convert', file('osäker.qdpx', await unsafe.generateAsync({ type: 'uint8array' })), out('w.csv')]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('forbidden paths in the package: ../utanför.txt');
    expect(existsSync(out('w.csv'))).toBe(false);
  });
});
