// The zip facts every reader checks first: names as stored (JSZip hides "../" in `name`), and the
// declared unpacked size (zip bombs), read without unpacking.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { declaredUnpackedSize, storedEntryNames, unsafeEntryName } from '../../../src/core';

describe('zip entries', () => {
  it('sees the stored names JSZip rewrites, and flags the unsafe ones', async () => {
    const zip = new JSZip();
    zip.file('ok/a.txt', 'a');
    zip.file('../evil.txt', 'x');
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array' }));
    const names = storedEntryNames(loaded);
    expect(names).toContain('../evil.txt');
    expect(names.filter((n) => n !== '/' && unsafeEntryName(n))).toEqual(['../evil.txt']);
    for (const bad of ['/etc/passwd', 'C:/x', 'a\\..\\b', 'a/../b']) expect(unsafeEntryName(bad)).toBe(true);
    for (const good of ['a/b.txt', 'sources/x..y.txt', 'files/']) expect(unsafeEntryName(good)).toBe(false);
  });

  it('adds up the declared sizes without unpacking', async () => {
    const zip = new JSZip();
    zip.file('big.txt', 'x'.repeat(1_000_000));
    zip.file('small.txt', 'abc');
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(declaredUnpackedSize(loaded)).toBe(1_000_003);
  });
});
