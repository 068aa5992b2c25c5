// `overens qdpx`: reports the contents of a package as the app's import reads it, lists problems,
// and exits 1 for a file that is not a REFI-QDA package (naming the file).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './run-cli';

const { file } = tempFiles('overens-qdpx-');
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Studie">
  <Users><User guid="${G(1)}" name="Anna"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="LVM" isCodable="true"><Code guid="${G(11)}" name="Ja" isCodable="true"/><Code guid="${G(12)}" name="Nej" isCodable="true"/></Code></Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="avtal.txt" plainTextPath="internal://${G(30)}.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="0" endPosition="3" creatingUser="${G(1)}"><Coding guid="${G(32)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="${G(40)}" name="extern.txt" plainTextPath="absolute:///tmp/extern.txt"/></Sources>
</Project>`;

async function pack(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${G(30)}.txt`, 'LVM gäller.');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('overens qdpx', () => {
  it('prints counts and problems as JSON', async () => {
    const good = file('studie.qdpx', await pack());
    const { code, stdout } = await cli(['qdpx', good, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ file: good, ok: true, name: 'Studie', users: 1, sources: 1, codes: 3, selections: 1, codings: 1, variables: 0 });
    expect(report.problems).toEqual([
      'absolute:///tmp/extern.txt: only sources in the package (internal:// or relative://) can be imported',
      'extern.txt: its text file absolute:///tmp/extern.txt is missing from the package; skipped',
    ]);
  });

  it('reports a broken file by name and exits 1, after the others', async () => {
    const good = file('ok.qdpx', await pack());
    const bad = file('trasig.qdpx', 'inte en zip');
    const { code, stdout } = await cli(['qdpx', good, bad]);
    expect(code).toBe(1);
    const json = await cli(['qdpx', good, bad, '--json']);
    const reports = JSON.parse(json.stdout) as { ok: boolean; problems: unknown[] }[];
    expect(reports.map((r) => r.ok)).toEqual([true, false]);
    // `problems` stays an array of English strings (the readers give Swedish and English; the CLI prints English).
    expect(reports[1]!.problems).toEqual([expect.stringMatching(/^trasig\.qdpx: not a REFI-QDA project \(zip\): /)]);
    expect(reports[0]!.problems.every((p) => typeof p === 'string')).toBe(true);
    expect(stdout).toContain('"Studie" — 1 users, 1 sources, 3 codes');
    expect(stdout).toContain(`${bad}: cannot be imported`);
    expect(stdout).toContain('trasig.qdpx: not a REFI-QDA project (zip)');
  });

  it('reports each source\'s counting of positions and the mapping\'s problems, as the app\'s import report does', async () => {
    // NVivo counts UTF-16 units with CRLF as two: "LVM" after an emoji and a CRLF starts at raw.indexOf.
    const raw = 'Rubrik\r\nVi 🙂 vårdas enligt LVM.';
    const nvivo = `<Project xmlns="urn:QDA-XML:project:1.0" name="N" origin="NVivo 12"><Users><User guid="${G(1)}" name="Konsensus"/></Users>
<CodeBook><Codes><Code guid="${G(10)}" name="LVM" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${G(30)}" name="a" plainTextPath="internal://${G(30)}.txt">
<PlainTextSelection guid="${G(31)}" startPosition="${raw.indexOf('LVM')}" endPosition="${raw.indexOf('LVM') + 3}" creatingUser="${G(1)}"><Coding guid="${G(32)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(99)}"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;
    const zip = new JSZip();
    zip.file('project.qde', nvivo);
    zip.file(`sources/${G(30)}.txt`, raw);
    const { code, stdout } = await cli(['qdpx', file('nvivo.qdpx', await zip.generateAsync({ type: 'uint8array' })), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.origin).toBe('NVivo 12');
    expect(report.positions).toEqual([{ source: 'a', counting: 'UTF-16 units, line break CRLF as two', fit: 1 }]);
    // Problems of mapping to a project (not only of reading) are there too.
    expect(report.problems).toEqual(['User "Konsensus" was renamed to "Konsensus (2)" (coder names must be unique)', `1 coding(s) refer to 1 code(s) that are not in the codebook (${G(99)}); skipped`]);
  });
});
