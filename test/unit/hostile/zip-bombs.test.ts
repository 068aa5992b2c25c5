/**
 * Zip bombs in every container the app reads itself — DOCX, project backup, coder package, codings
 * file: "honest" ones (the headers say how huge an entry is) are refused before anything is
 * unpacked; lying ones (a small declared size, gigabytes of data) are stopped by the byte counter
 * at the size they claim. Each refusal names the file, and the time and memory bounds are generous
 * (a few seconds, a few hundred MB) where unpacking in full would take minutes and gigabytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core';
import { readBackup } from '../../../src/formats/backup';
import { readCoderCodings, readCoderPackage } from '../../../src/formats/coder-package';
import { extractDocx } from '../../../src/ingest/docx';
import { bombEntry, handZip, measure, report, storedEntry } from './generate';
import { seededProject, type Seeded } from './project';

const MB = 1024 * 1024;
const GB = 1024 * MB;
/** Generous bounds: the readers stop after one capped entry (≤ 32 MB for DOCX parts). */
const MAX_MS = 15_000;
const MAX_RSS_MB = 400;

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const XML_CHUNK = '<w:p><w:r><w:t>överenskommelse</w:t></w:r></w:p>';

function docxWith(documentXml: ReturnType<typeof bombEntry>): Uint8Array {
  return handZip([storedEntry('[Content_Types].xml', CONTENT_TYPES, crc32), documentXml]);
}

describe('DOCX zip bombs', () => {
  it('refuses an honest 400 MB document.xml before unpacking it', async () => {
    const bytes = docxWith(bombEntry('word/document.xml', XML_CHUNK, 400 * MB, 400 * MB));
    expect(bytes.length).toBeLessThan(3 * MB); // small on disk
    const m = await measure(() => extractDocx(bytes, 'bomb.docx'));
    report('DOCX, honest 400 MB document.xml', m);
    expect(m.value.ok).toBe(false);
    if (m.value.ok) return;
    expect(m.value.error.code).toBe('too-large');
    expect(m.value.error.message.en).toMatch(/^bomb\.docx: word\/document\.xml unpacks to more than 32 MB/);
    expect(m.value.error.message.sv).toMatch(/^bomb\.docx: word\/document\.xml packas upp till mer än 32 MB/);
    expect(m.ms).toBeLessThan(MAX_MS);
    expect(m.rssMB).toBeLessThan(MAX_RSS_MB);
  });

  it('stops a 400 MB document.xml that claims 2 KB, or 30 MB, at the size it claims', async () => {
    for (const declared of [2048, 30 * MB]) {
      const bytes = docxWith(bombEntry('word/document.xml', XML_CHUNK, 400 * MB, declared));
      const m = await measure(() => extractDocx(bytes, 'lying.docx'));
      report(`DOCX, 400 MB document.xml declaring ${declared} bytes`, m);
      expect(m.value.ok).toBe(false);
      if (m.value.ok) return;
      expect(m.value.error.code).toBe('corrupt');
      expect(m.value.error.message.en).toMatch(/^lying\.docx: the Word file is damaged \(word\/document\.xml is damaged \(unpacks to more than the \d+ bytes it declares\)\)/);
      expect(m.ms).toBeLessThan(MAX_MS);
      expect(m.rssMB).toBeLessThan(MAX_RSS_MB);
    }
  });
});

describe('backup and coder package zip bombs', () => {
  let seeded: Seeded;
  let backupJson: string;
  let manifest: string;
  let documentBytes: Uint8Array;
  beforeAll(async () => {
    seeded = await seededProject();
    const { data, files } = await seeded.store.backups.collect(seeded.projectId);
    backupJson = JSON.stringify(data);
    documentBytes = files.get('d1')!;
    const pkg = await seeded.store.coderPackages.buildPackage(seeded.projectId, seeded.secondCoderId, ['d1'], seeded.versionId);
    manifest = JSON.stringify(pkg.data);
  });
  afterAll(() => seeded.close());

  it('refuses a backup that honestly unpacks to 3 GB, before unpacking anything', async () => {
    const bytes = handZip([bombEntry('backup.json', ' ', 3 * GB, 3 * GB)]);
    expect(bytes.length).toBeLessThan(8 * MB);
    const m = await measure(() => readBackup(bytes, { fileName: 'bomb.ovbackup' }));
    report('backup, honest 3 GB backup.json', m);
    expect(m.value.ok ? [] : m.value.problems.map((p) => p.en)).toEqual(['bomb.ovbackup: the contents unpack to 3 GB, more than 2 GB in all; the backup is not opened.']);
    expect(m.ms).toBeLessThan(MAX_MS);
    expect(m.rssMB).toBeLessThan(MAX_RSS_MB);
  });

  it('stops a backup.json of 1 GB that claims 1 KB, and refuses a 600 MB original file', async () => {
    const lying = handZip([bombEntry('backup.json', ' ', GB, 1024)]);
    const m = await measure(() => readBackup(lying, { fileName: 'lying.ovbackup' }));
    report('backup, 1 GB backup.json declaring 1 KB', m);
    expect(m.value.ok ? [] : m.value.problems.map((p) => p.en)).toEqual(['lying.ovbackup: the backup is damaged: backup.json is damaged (unpacks to more than the 1024 bytes it declares)']);
    expect(m.ms).toBeLessThan(MAX_MS);
    expect(m.rssMB).toBeLessThan(MAX_RSS_MB);

    const bigFile = handZip([storedEntry('backup.json', backupJson, crc32), bombEntry('files/d1', 'x', 600 * MB, 600 * MB)]);
    const f = await measure(() => readBackup(bigFile, { fileName: 'big.ovbackup' }));
    report('backup, honest 600 MB original file', f);
    expect(f.value.ok ? [] : f.value.problems.map((p) => p.en)).toEqual(['big.ovbackup: files/d1 unpacks to more than 512 MB; the backup is not opened.']);
    expect(f.ms).toBeLessThan(MAX_MS);

    // The same file with honest, small entries is read (the test's own control).
    const fine = await readBackup(handZip([storedEntry('backup.json', backupJson, crc32), storedEntry('files/d1', documentBytes, crc32)]));
    expect(fine.ok).toBe(true);
  });

  it('refuses honest and lying bombs in a coder package and a codings file, naming the file', async () => {
    const honestBytes = handZip([bombEntry('manifest.json', ' ', 3 * GB, 3 * GB)]);
    const lyingBytes = handZip([bombEntry('manifest.json', ' ', GB, 100)]);
    const lyingFileBytes = handZip([storedEntry('manifest.json', manifest, crc32), bombEntry('files/d1', 'x', GB, documentBytes.length)]);
    const codingsBytes = handZip([bombEntry('manifest.json', ' ', 300 * MB, 300 * MB)]);
    const honest = await measure(() => readCoderPackage(honestBytes, 'bomb.ovpackage'));
    report('coder package, honest 3 GB manifest.json', honest);
    expect(honest.value.ok ? [] : honest.value.problems.map((p) => p.en)).toEqual(['bomb.ovpackage: the contents unpack to 3 GB, more than 2 GB in all; the file is not opened.']);
    const lying = await measure(() => readCoderPackage(lyingBytes, 'lying.ovpackage'));
    report('coder package, 1 GB manifest.json declaring 100 bytes', lying);
    expect(lying.value.ok ? [] : lying.value.problems.map((p) => p.en)).toEqual(['lying.ovpackage: the file is damaged (manifest.json is damaged (unpacks to more than the 100 bytes it declares)). Nothing was imported.']);
    const lyingFile = await measure(() => readCoderPackage(lyingFileBytes, 'file.ovpackage'));
    report('coder package, 1 GB original file declaring its true size', lyingFile);
    expect(lyingFile.value.ok ? [] : lyingFile.value.problems.map((p) => p.en)).toEqual([`file.ovpackage: the file is damaged (files/d1 is damaged (unpacks to more than the ${documentBytes.length} bytes it declares)). Nothing was imported.`]);
    const codings = await measure(() => readCoderCodings(codingsBytes, 'big.ovcodings'));
    report('codings file, honest 300 MB manifest.json', codings);
    expect(codings.value.ok ? [] : codings.value.problems.map((p) => p.en)).toEqual(['big.ovcodings: the contents unpack to 300 MB, more than 256 MB in all; the file is not opened.']);
    for (const m of [honest, lying, lyingFile, codings]) {
      expect(m.ms).toBeLessThan(MAX_MS);
      expect(m.rssMB).toBeLessThan(MAX_RSS_MB);
    }
  });
});
