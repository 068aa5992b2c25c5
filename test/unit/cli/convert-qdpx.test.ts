// `overens convert in.qdpx out.qdpx`: any program's project read through the app's mapping and
// written as a valid REFI-QDA project (Project.xsd, xmllint) — here an NVivo-shaped package (UTF-16
// units, CRLF as two, an emoji) normalised to the standard's code points, GUIDs kept. The expected
// quotes are the phrases the fixture codes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../src/formats/refi-qda-import';
import { shared } from '../../shared-dir';
import { cli, tempFiles } from './run-cli';

const { dir, file } = tempFiles('overens-convert-qdpx-');
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const raw = 'Rubrik\r\nVi 🙂 samarbetar om LVM.\r\nSlut.';
const at = (phrase: string) => raw.indexOf(phrase); // UTF-16 units with CRLF as two: NVivo's counting
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="NVivo" origin="NVivo 14">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Bertil"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="Tema" isCodable="false"><Code guid="${G(11)}" name="LVM" isCodable="true" color="#aa0000"/><Code guid="${G(12)}" name="Samverkan" isCodable="true"/></Code></Codes></CodeBook>
  <Sources><TextSource guid="${G(30)}" name="avtal" plainTextPath="internal://${G(30)}.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="${at('LVM')}" endPosition="${at('LVM') + 3}" creatingUser="${G(1)}"><Coding guid="${G(32)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(33)}" startPosition="${at('samarbetar')}" endPosition="${at('samarbetar') + 10}" creatingUser="${G(1)}"><Coding guid="${G(34)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(12)}"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>`;

async function nvivoPackage(): Promise<string> {
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${G(30)}.txt`, raw);
  return file('nvivo.qdpx', await zip.generateAsync({ type: 'uint8array' }));
}

describe('overens convert: .qdpx → .qdpx', () => {
  it('normalises an NVivo project into a valid standard one: code points, GUIDs, coders and quotes kept', async () => {
    const input = await nvivoPackage();
    const output = path.join(dir, 'normal.qdpx');
    const { code, stdout, stderr } = await cli(['convert', input, output]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${output}: REFI-QDA project "NVivo"`);
    expect(stderr).toContain("1 coding(s) name another user than their selection; the coding's user (Coding@creatingUser) is taken as the coder");
    const zip = await JSZip.loadAsync(readFileSync(output));
    const written = await zip.file('project.qde')!.async('string');
    const qdeFile = path.join(dir, 'normal.qde');
    writeFileSync(qdeFile, written);
    execFileSync('xmllint', ['--noout', '--schema', shared('refi-qda', 'Project.xsd'), qdeFile], { stdio: 'pipe' });
    // Positions now in code points of the "\n" text: LVM after the emoji is one less than NVivo's count, less one per CRLF.
    const text = raw.replace(/\r\n/g, '\n');
    const cp = (phrase: string) => [...text.slice(0, text.indexOf(phrase))].length;
    expect(written).toContain(`<PlainTextSelection guid="${G(31)}" name="LVM" startPosition="${cp('LVM')}" endPosition="${cp('LVM') + 3}" creatingUser="${G(2)}"`);
    expect(written).toContain(`<User guid="${G(1)}" name="Anna"`);
    expect(written).toContain(`<Code guid="${G(11)}" name="LVM" isCodable="true" color="#aa0000"/>`);
    const back = await readQdpx(readFileSync(output));
    if (!back.ok) throw new Error('not readable');
    const source = back.project.sources[0]!;
    expect(source.selections.map((s) => source.text.slice(s.start, s.end))).toEqual(['LVM', 'samarbetar']);
  });

  it('writes the QualCoder profile with --profile, and refuses an unknown profile or one for a CSV', async () => {
    const input = await nvivoPackage();
    const output = path.join(dir, 'qualcoder.qdpx');
    expect((await cli(['convert', input, output, '--profile', 'qualcoder'])).code).toBe(0);
    const written = await (await JSZip.loadAsync(readFileSync(output))).file('project.qde')!.async('string');
    expect(written).toContain('name="Tema: LVM"');
    expect(written).toContain('origin="Överens (QualCoder profile)"');
    const bad = await cli(['convert', input, path.join(dir, 'x.qdpx'), '--profile', 'atlas']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--profile must be one of standard, qualcoder, nvivo');
    const csv = await cli(['convert', input, path.join(dir, 'x.csv'), '--profile', 'nvivo']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--profile is used only when writing a .qdpx');
  });
});
