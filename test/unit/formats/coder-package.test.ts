// Coder packages and codings files: round trips, schema refusals by path, unsafe zip entries, the
// unpacked-size cap, damaged document bytes, and a file of the wrong kind.
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODER_CODINGS_EXTENSION, CODER_PACKAGE_EXTENSION, type CoderCodingsData, type CoderPackageData, type UserMessage } from '../../../src/core';
import { FileFilterArg } from '../../../src/core/ipc';
import { describeRange } from '../../../src/core/anchoring';
import { CODINGS_CHECKSUM, MANIFEST, readCoderCodings, readCoderPackage, writeCoderCodings, writeCoderPackage } from '../../../src/formats/coder-package';
import { tinyTemplate } from '../store/fixtures';

const P = 'project-1';
const TEXT = 'Överenskommelsen nämner LVM och SIP.';
const BYTES = new TextEncoder().encode(TEXT);
const SHA = createHash('sha256').update(BYTES).digest('hex');

function packageData(): CoderPackageData {
  const selector = describeRange(TEXT, TEXT.indexOf('LVM'), TEXT.indexOf('LVM') + 3, [0]);
  return {
    kind: 'coder-package',
    formatVersion: 1,
    createdAt: 1000,
    project: { id: P, name: 'Studie', description: '' },
    coder: { id: 'bertil', projectId: P, name: 'Bertil', kind: 'human', createdAt: 1 },
    consensusCoder: { id: 'konsensus', projectId: P, name: 'Konsensus', kind: 'consensus', createdAt: 1 },
    codebook: { id: 'cb', projectId: P, name: { sv: 'Liten' }, description: {}, createdAt: 1, updatedAt: 1 },
    codebookVersion: { id: 'v1', codebookId: 'cb', projectId: P, number: 1, status: 'published', createdAt: 1, publishedAt: 1, note: '', content: tinyTemplate.content, changes: [] },
    assignment: { coderId: 'bertil', documentIds: ['d1'] },
    documents: [{ id: 'd1', projectId: P, fileName: 'dalarna.txt', kind: 'txt', sha256: SHA, size: BYTES.length, version: 1, importedAt: 1, pageCount: 1, textLength: TEXT.length, hasText: true, attributes: { level: 'county', urval: 'Bertil' }, warnings: [] }],
    documentContents: [{ documentId: 'd1', text: TEXT, pageStarts: [0] }],
    files: [{ documentId: 'd1', mimeType: 'text/plain' }],
    codings: {
      segments: [{ id: 's1', projectId: P, documentId: 'd1', coderId: 'bertil', codebookVersionId: 'v1', variableId: 'lvm', valueId: 'lvm.ja', selector, memo: '', orphaned: false, createdAt: 5, updatedAt: 5 }],
      judgements: [{ id: 'j1', projectId: P, documentId: 'd1', coderId: 'bertil', codebookVersionId: 'v1', variableId: 'lvm', valueIds: ['lvm.ja'], status: 'final', origin: 'explicit', evidenceSegmentIds: ['s1'], memo: '', createdAt: 5, updatedAt: 5 }],
      memos: [],
    },
  };
}

function codingsData(): CoderCodingsData {
  const pkg = packageData();
  return {
    kind: 'coder-codings',
    formatVersion: 1,
    exportedAt: 2000,
    project: pkg.project,
    coder: { id: 'bertil', name: 'Bertil' },
    codebookVersions: [{ id: 'v1', codebookId: 'cb', number: 1 }],
    documents: [{ id: 'd1', sha256: SHA, fileName: 'dalarna.txt' }],
    segments: pkg.codings.segments,
    judgements: pkg.codings.judgements,
    memos: [{ id: 'm1', projectId: P, documentId: 'd1', coderId: 'bertil', text: 'Tveksam', updatedAt: 6 }],
  };
}

async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

const english = (problems: UserMessage[]) => problems.map((p) => p.en);

describe('coder package format', () => {
  it('round-trips the manifest and the original bytes', async () => {
    const data = packageData();
    const bytes = await writeCoderPackage(data, new Map([['d1', BYTES]]));
    const read = await readCoderPackage(bytes, 'bertil.ovpackage');
    if (!read.ok) throw new Error(english(read.problems).join('; '));
    expect(read.data).toEqual(data);
    expect(read.files.get('d1')).toEqual(BYTES);
  });

  it('refuses a manifest that breaks the rules, listing each problem by path', async () => {
    const data = packageData();
    const bad = {
      ...data,
      coder: { ...data.coder, kind: 'consensus' },
      codebookVersion: { ...data.codebookVersion, status: 'draft', publishedAt: undefined },
      assignment: { coderId: 'bertil', documentIds: ['d1', 'd2'] },
      codings: { ...data.codings, judgements: [{ ...data.codings.judgements[0]!, coderId: 'cecilia', evidenceSegmentIds: ['nowhere'] }] },
    };
    const read = await readCoderPackage(await zipOf({ [MANIFEST]: JSON.stringify(bad), 'files/d1': BYTES }), 'trasig.ovpackage');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toEqual({
      sv: `trasig.ovpackage: ${MANIFEST} stämmer inte med formatet (5 problem). Inget importerades.`,
      en: `trasig.ovpackage: ${MANIFEST} does not match the format (5 problems). Nothing was imported.`,
    });
    expect(english(read.problems).slice(1).sort()).toEqual(
      [
        'coder.kind: a package is assigned to a human coder',
        'codebookVersion.status: only a published version can be sent to coders',
        'assignment.documentIds[1]: document "d2" is not in the package',
        'codings.judgements[0].coderId: belongs to another coder',
        'codings.judgements[0].evidenceSegmentIds[0]: evidence "nowhere" is not a passage of this coder in this document',
      ].sort(),
    );
  });

  it('refuses entries outside files/, a missing manifest, a non-zip and a zip over the size cap', async () => {
    const manifest = JSON.stringify(packageData());
    const evil = await readCoderPackage(await zipOf({ [MANIFEST]: manifest, 'files/d1': BYTES, '../../evil.sh': 'rm -rf' }), 'a.ovpackage');
    expect(evil.ok).toBe(false);
    if (!evil.ok) expect(evil.problems[0]!.en).toMatch(/^a\.ovpackage: contains entries that are not allowed: .*\.\.\/\.\.\/evil\.sh\. Nothing was imported\.$/);
    const stray = await readCoderPackage(await zipOf({ [MANIFEST]: manifest, 'files/d1': BYTES, 'files/sub/x': 'x' }), 'b.ovpackage');
    expect(stray.ok ? [] : english(stray.problems)).toEqual(['b.ovpackage: contains entries that are not allowed: files/sub/x. Nothing was imported.']);
    const noManifest = await readCoderPackage(await zipOf({ 'files/d1': BYTES }), 'c.ovpackage');
    expect(noManifest.ok ? [] : english(noManifest.problems)).toEqual([`c.ovpackage: has no ${MANIFEST}; it is not a coder package from Överens.`]);
    const notZip = await readCoderPackage(new TextEncoder().encode('hej'), 'd.ovpackage');
    expect(notZip.ok ? '' : notZip.problems[0]!.sv).toMatch(/^d\.ovpackage: är inte ett kodarpaket från Överens \(ingen zip-fil/);
    // Swedish all the way: no zip library's English words in the Swedish message.
    expect(notZip.ok ? '' : notZip.problems[0]!.sv).not.toMatch(/corrupt|central directory|end of data|invalid/i);
    // JSZip declares the true sizes (manifest + files/d1 ≈ 2 KB): refused before anything is unpacked.
    const big = await readCoderPackage(await zipOf({ [MANIFEST]: manifest, 'files/d1': BYTES }), 'e.ovpackage', { maxUnpacked: 1024 });
    expect(big.ok ? [] : english(big.problems)).toEqual(['e.ovpackage: the contents unpack to 2 KB, more than 1 KB in all; the file is not opened.']);
    const fits = await readCoderPackage(await zipOf({ [MANIFEST]: manifest, 'files/d1': BYTES }), 'e.ovpackage', { maxUnpacked: 1024 * 1024 });
    expect(fits.ok).toBe(true);
  });

  it('refuses a package whose document bytes are missing or not the ones the lead imported', async () => {
    const manifest = JSON.stringify(packageData());
    const missing = await readCoderPackage(await zipOf({ [MANIFEST]: manifest }), 'p.ovpackage');
    expect(missing.ok ? [] : english(missing.problems)).toEqual(['p.ovpackage: the original file of "dalarna.txt" is missing (files/d1).']);
    const tampered = BYTES.slice();
    tampered[0] = 0x21;
    const damaged = await readCoderPackage(await zipOf({ [MANIFEST]: manifest, 'files/d1': tampered }), 'p.ovpackage');
    expect(damaged.ok ? [] : damaged.problems.map((p) => p.sv)).toEqual(['p.ovpackage: originalfilen till "dalarna.txt" är inte den som projektledaren importerade (SHA-256 eller storlek skiljer sig). Paketet är skadat.']);
  });

  it('tells a codings file from a package, and refuses an unknown format version', async () => {
    const codings = await writeCoderCodings(codingsData());
    const wrong = await readCoderPackage(codings, 'bertil.ovcodings');
    expect(wrong.ok ? [] : english(wrong.problems)).toEqual([
      'bertil.ovcodings: is a codings file, not a coder package. Codings are imported by the lead under Documents → Import codings.',
    ]);
    const pkg = await writeCoderPackage(packageData(), new Map([['d1', BYTES]]));
    const wrong2 = await readCoderCodings(pkg, 'bertil.ovpackage');
    expect(wrong2.ok ? [] : wrong2.problems.map((p) => p.sv)).toEqual([
      'bertil.ovpackage: är ett kodarpaket, inte en fil med kodningar. Ett kodarpaket importeras av kodaren under Projekt → Importera kodarpaket.',
    ]);
    const future = await readCoderCodings(await zipOf({ [MANIFEST]: JSON.stringify({ ...codingsData(), formatVersion: 2 }) }), 'ny.ovcodings');
    expect(future.ok ? [] : english(future.problems)).toEqual(['ny.ovcodings: has format version 2; this version of Överens reads version 1. Update Överens.']);
  });
});

describe('file extensions', () => {
  it('pass the Electron file-dialog filter check (letters and digits, at most 10)', () => {
    expect(FileFilterArg.safeParse({ name: 'Överens', extensions: [CODER_PACKAGE_EXTENSION, CODER_CODINGS_EXTENSION] }).success).toBe(true);
    expect(CODER_PACKAGE_EXTENSION).not.toBe(CODER_CODINGS_EXTENSION);
  });
});

describe('codings file format', () => {
  it('round-trips', async () => {
    const data = codingsData();
    const read = await readCoderCodings(await writeCoderCodings(data), 'bertil.ovcodings');
    if (!read.ok) throw new Error(english(read.problems).join('; '));
    expect(read.data).toEqual(data);
    expect(read.unchecked).toBe(false);
  });

  it('refuses a file changed after its export (one valid value id swapped for another), and flags one without a checksum', async () => {
    const written = await JSZip.loadAsync(await writeCoderCodings(codingsData()));
    const manifest = await written.file(MANIFEST)!.async('string');
    // The checksum is the SHA-256 of manifest.json as stored (computed here with node:crypto).
    expect(await written.file(CODINGS_CHECKSUM)!.async('string')).toBe(createHash('sha256').update(manifest).digest('hex'));
    // "lvm.nej" is a value of the same variable: the edited file is still valid by the schema.
    const edited = manifest.replace('"valueIds":["lvm.ja"]', '"valueIds":["lvm.nej"]');
    expect(edited).not.toBe(manifest);
    const tampered = await zipOf({ [MANIFEST]: edited, [CODINGS_CHECKSUM]: await written.file(CODINGS_CHECKSUM)!.async('string') });
    const read = await readCoderCodings(tampered, 'bertil.ovcodings');
    expect(read.ok ? [] : english(read.problems)).toEqual(['bertil.ovcodings: the file was changed after it was exported (its checksum does not match its content). Nothing was imported. Ask the coder to export their codings again.']);
    const noChecksum = await readCoderCodings(await zipOf({ [MANIFEST]: edited }), 'gammal.ovcodings');
    expect(noChecksum.ok && noChecksum.unchecked).toBe(true);
  });

  it('allows the checksum entry only in a codings file, not in a coder package', async () => {
    const read = await readCoderPackage(await zipOf({ [MANIFEST]: JSON.stringify(packageData()), [CODINGS_CHECKSUM]: 'x', 'files/d1': BYTES }), 'p.ovpackage');
    expect(read.ok ? [] : english(read.problems)).toEqual([`p.ovpackage: contains entries that are not allowed: ${CODINGS_CHECKSUM}. Nothing was imported.`]);
  });

  it('refuses codings on documents or versions the file does not list, two judgements of one variable, a consensus resolution and files', async () => {
    const data = codingsData();
    const j = data.judgements[0]!;
    const bad = {
      ...data,
      segments: [{ ...data.segments[0]!, documentId: 'd9' }],
      judgements: [
        { ...j, evidenceSegmentIds: [] },
        { ...j, id: 'j2', evidenceSegmentIds: [], codebookVersionId: 'v7', resolution: { reason: 'x', coderIds: ['a', 'b'], resolvedAt: 1 } },
      ],
    };
    const read = await readCoderCodings(await zipOf({ [MANIFEST]: JSON.stringify(bad) }), 'x.ovcodings');
    expect(read.ok ? [] : english(read.problems).slice(1).sort()).toEqual(
      [
        'segments[0].documentId: document "d9" is not listed in the file',
        'judgements[1].codebookVersionId: codebook version "v7" is not listed in the file',
        'judgements[1]: a second judgement of variable "lvm" on document "d1"',
        'judgements[1].resolution: consensus judgements are made by the lead, not in a coder file',
      ].sort(),
    );
    const withFiles = await readCoderCodings(await zipOf({ [MANIFEST]: JSON.stringify(data), 'files/d1': BYTES }), 'y.ovcodings');
    expect(withFiles.ok ? [] : english(withFiles.problems)).toEqual(['y.ovcodings: contains entries that are not allowed: files/d1. Nothing was imported.']);
  });
});
