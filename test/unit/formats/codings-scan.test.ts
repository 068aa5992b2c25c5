// The streaming long-codings reader: cells trimmed as String.prototype.trim trims them (ASCII and
// Unicode white space, e.g. a no-break space Excel leaves), quoted cells kept as they are, names
// interned in order of first appearance also when a name comes back after others.
import { describe, expect, it } from 'vitest';
import { scanCodings } from '../../../src/formats/codings-scan';

describe('scanCodings', () => {
  it('trims cells as String.trim does, and keeps quoted cells', () => {
    const scan = scanCodings('document;coder;variable;value\n d1 ;A\u00a0;LVM\u2003; Ja\t\nd2;"B ";"L;VM";"Nej, inte"\n');
    expect(scan.problems).toEqual([]);
    expect(scan.documents.names).toEqual(['d1', 'd2']);
    // A quoted cell is trimmed too (the reader's rule for every cell), its delimiter kept.
    expect(scan.coders.names).toEqual(['A', 'B']);
    expect(scan.variables.names).toEqual(['LVM', 'L;VM']);
    expect(scan.values.map((v) => v.names)).toEqual([['Ja'], ['Nej, inte']]);
  });

  it('interns a name that returns after others to its first index (the last-name shortcut)', () => {
    const scan = scanCodings('document,coder,variable,value\nd1,A,v,1\nd1,B,v,1\nd2,A,v,2\nd1,C,v,1\nd2,B,v,2\n');
    const docs = Array.from({ length: scan.rows.document.length }, (_, r) => scan.documents.names[scan.rows.document.get(r)]);
    expect(docs).toEqual(['d1', 'd1', 'd2', 'd1', 'd2']);
    expect(scan.documents.names).toEqual(['d1', 'd2']);
    expect(Array.from({ length: 5 }, (_, r) => scan.rows.coder.get(r))).toEqual([0, 1, 0, 2, 1]);
  });
});
