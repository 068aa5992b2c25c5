// Attribute import from a CSV keyed by file name (shape of the corpus' documents.csv).
import { describe, expect, it } from 'vitest';
import { matchAttributeRows, parseAttributesCsv } from '../../../src/formats/attributes-csv';

const CSV = [
  'file,level,county,municipality,valid_from,valid_to,title',
  's001-stockholm.pdf,county,Stockholm,,2017-09-01,2020-09-01,"Länsövergripande överenskommelse, missbruk"',
  's003-sörmland.pdf,county,Sörmland,,2022-09-01,2026-09-01,Överenskommelse',
  's099-okänd.pdf,local,Uppsala,Knivsta,2020-01-01,,X',
].join('\r\n');

describe('parseAttributesCsv', () => {
  it('reads every non-key column as an attribute, quoted fields and å/ä/ö intact', () => {
    const { rows, problems } = parseAttributesCsv('\uFEFF' + CSV);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      line: 2,
      file: 's001-stockholm.pdf',
      attributes: { level: 'county', county: 'Stockholm', municipality: '', valid_from: '2017-09-01', valid_to: '2020-09-01', title: 'Länsövergripande överenskommelse, missbruk' },
    });
  });

  it('reports a missing file column, ragged rows, empty names and duplicates with line numbers', () => {
    expect(parseAttributesCsv('level,county\ncounty,X').problems[0]?.message).toMatch(/no file name column/);
    const { rows, problems } = parseAttributesCsv('file,level\na.pdf,county\nb.pdf\n,local\nA.pdf,local\n');
    expect(rows.map((r) => r.file)).toEqual(['a.pdf']);
    expect(problems.map((p) => p.line)).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(problems.find((p) => p.line === 5)?.message).toMatch(/listed twice \(lines 2 and 5\)/);
    expect(parseAttributesCsv('').problems[0]?.message).toMatch(/empty/);
  });
});

describe('matchAttributeRows', () => {
  const docs = [
    { id: '1', fileName: 's001-stockholm.pdf' },
    { id: '2', fileName: 's001-stockholm.docx' },
    // Decomposed ö, as macOS writes it.
    { id: '3', fileName: 's003-so\u0308rmland.PDF' },
    { id: '4', fileName: 'annat.txt' },
  ];

  it('matches exact names, DOCX twins by stem and NFD names, and reports unknown rows', () => {
    const { rows } = parseAttributesCsv(CSV);
    const result = matchAttributeRows(rows, docs);
    expect(result.matches.map((m) => [m.documentId, m.by])).toEqual([
      ['1', 'name'],
      ['2', 'stem'],
      ['3', 'name'],
    ]);
    expect(result.unknown.map((r) => r.file)).toEqual(['s099-okänd.pdf']);
    expect(result.unmatchedDocuments.map((d) => d.fileName)).toEqual(['annat.txt']);
  });

  it('never gives a stem twin the attributes of a row when the CSV names the twin itself', () => {
    const { rows } = parseAttributesCsv('file,level\ns001-stockholm.pdf,county\ns001-stockholm.docx,local\n');
    const result = matchAttributeRows(rows, docs.slice(0, 2));
    expect(result.matches.map((m) => [m.documentId, m.row.attributes.level, m.by])).toEqual([
      ['1', 'county', 'name'],
      ['2', 'local', 'name'],
    ]);
  });
});

describe('semicolon CSV (Swedish Excel)', () => {
  it('detects the delimiter', () => {
    const { rows, problems } = parseAttributesCsv('fil;nivå;län\na.pdf;kommun;Dalarna\n');
    expect(problems).toEqual([]);
    expect(rows[0]?.attributes).toEqual({ nivå: 'kommun', län: 'Dalarna' });
  });
});
