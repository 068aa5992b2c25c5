// Edge cases of the data model's zod schemas (src/core/model).
import { describe, expect, it } from 'vitest';
import {
  CodebookContent,
  CodebookVersion,
  DocumentContent,
  DocumentMeta,
  Judgement,
  LocalizedText,
  Project,
  SegmentSelector,
  Variable,
  formatIssues,
  localize,
} from '../../../src/core';

const value = (id: string, extra: Record<string, unknown> = {}) => ({ id, key: id.replace(/\W/g, '_'), label: { sv: id }, colour: '#123456', ...extra });
const variable = (id: string, extra: Record<string, unknown> = {}) => ({ id, key: id, label: { sv: id }, kind: 'single', values: [value(`${id}.ja`), value(`${id}.nej`, { absent: true })], ...extra });

function problems(schema: { safeParse(x: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : formatIssues(result.error!.issues);
}

describe('LocalizedText', () => {
  it('needs Swedish or English', () => {
    expect(LocalizedText.safeParse({ sv: 'Ja' }).success).toBe(true);
    expect(LocalizedText.safeParse({ en: 'Yes' }).success).toBe(true);
    expect(problems(LocalizedText, { sv: ' ', en: '' })).toEqual(['text needs Swedish (sv) or English (en)']);
    expect(LocalizedText.safeParse({ sv: 'Ja', de: 'Ja' }).success).toBe(false);
  });
  it('falls back to the other language', () => {
    expect(localize({ sv: 'Ja' }, 'en')).toBe('Ja');
    expect(localize({ sv: 'Ja', en: 'Yes' }, 'en')).toBe('Yes');
    expect(localize(undefined, 'sv')).toBe('');
  });
});

describe('Variable', () => {
  it('accepts a well-formed single variable', () => {
    expect(Variable.safeParse(variable('lvm')).success).toBe(true);
  });
  it('reports duplicate value ids and keys at their paths', () => {
    const v = variable('x', { values: [value('x.a'), value('x.a')] });
    expect(problems(Variable, v)).toEqual(['values[1].id: duplicate value id "x.a"', 'values[1].key: duplicate value key "x_a"']);
  });
  it('allows at most one absent value', () => {
    const v = variable('x', { values: [value('x.a', { absent: true }), value('x.b', { absent: true })] });
    expect(problems(Variable, v)).toEqual(['values: at most one value may be the "absent" value']);
  });
  it('needs two values for single and multi variables, none for thematic ones', () => {
    expect(problems(Variable, variable('x', { values: [value('x.a')] }))).toEqual(['values: a single variable needs at least two values']);
    expect(Variable.safeParse(variable('x', { kind: 'thematic', values: [] })).success).toBe(true);
  });
  it('needs scores for interval and ratio variables', () => {
    expect(problems(Variable, variable('x', { level: 'interval' }))).toEqual(['values: every value of an interval variable needs a numeric score']);
    const scored = variable('x', { level: 'ratio', values: [value('x.a', { score: 0 }), value('x.b', { score: 2.5 })] });
    expect(Variable.safeParse(scored).success).toBe(true);
  });
  it('rejects keys unusable as column names and bad colours', () => {
    expect(problems(Variable, variable('x', { key: '1abc' }))[0]).toMatch(/^key: key must start with a letter/);
    expect(problems(Variable, variable('x', { values: [value('x.a', { colour: 'red' }), value('x.b')] }))[0]).toMatch(/colour must be #rrggbb/);
  });
  it('checks a derived rule\'s own values and refuses self-reference', () => {
    const v = variable('d', { derived: { type: 'all', components: [{ variableId: 'd', valueIds: ['d.ja'] }], then: 'd.ja', otherwise: 'd.maybe' } });
    expect(problems(Variable, v)).toEqual(['derived.otherwise: "d.maybe" is not a value of this variable', 'derived.components: a derived variable cannot depend on itself']);
  });
});

describe('CodebookContent', () => {
  it('reports unknown groups, duplicate variables, unknown components and cycles', () => {
    const content = {
      groups: [{ id: 'g', key: 'g', label: { sv: 'G' } }],
      variables: [
        variable('a', { groupId: 'nope' }),
        variable('a'),
        variable('d1', { derived: { type: 'all', components: [{ variableId: 'd2', valueIds: ['d2.ja'] }], then: 'd1.ja', otherwise: 'd1.nej' } }),
        variable('d2', { derived: { type: 'all', components: [{ variableId: 'd1', valueIds: ['d1.ja'] }, { variableId: 'ghost', valueIds: ['x'] }, { variableId: 'a', valueIds: ['a.maybe'] }], then: 'd2.ja', otherwise: 'd2.nej' } }),
      ],
    };
    expect(problems(CodebookContent, content)).toEqual([
      'variables[0].groupId: unknown group "nope"',
      'variables[1].id: duplicate variable id "a"',
      'variables[1].key: duplicate variable key "a"',
      'variables[3].derived.components[1].variableId: unknown variable "ghost"',
      'variables[3].derived.components[2].valueIds[0]: "a.maybe" is not a value of variable "a"',
      'variables: derived variables form a cycle: d1 → d2 → d1',
    ]);
  });
});

describe('CodebookVersion', () => {
  const base = { id: 'v', codebookId: 'c', projectId: 'p', number: 1, createdAt: 1, content: { variables: [] } };
  it('ties publishedAt to the published status', () => {
    expect(CodebookVersion.safeParse({ ...base, status: 'draft' }).success).toBe(true);
    expect(CodebookVersion.safeParse({ ...base, status: 'published', publishedAt: 2 }).success).toBe(true);
    expect(problems(CodebookVersion, { ...base, status: 'published' })).toEqual(['publishedAt: a published version has a publishedAt time and a draft has none']);
    expect(CodebookVersion.safeParse({ ...base, status: 'draft', publishedAt: 2 }).success).toBe(false);
    expect(CodebookVersion.safeParse({ ...base, status: 'draft', number: 0 }).success).toBe(false);
  });
  it('validates change records', () => {
    const ok = { ...base, status: 'draft', changes: [{ type: 'merged', variableId: 'x', from: ['a', 'b'], into: 'c' }, { type: 'split', variableId: 'x', from: 'c', into: ['a', 'b'] }] };
    expect(CodebookVersion.safeParse(ok).success).toBe(true);
    expect(CodebookVersion.safeParse({ ...base, status: 'draft', changes: [{ type: 'split', variableId: 'x', from: 'c', into: ['a'] }] }).success).toBe(false);
    expect(CodebookVersion.safeParse({ ...base, status: 'draft', changes: [{ type: 'exploded', variableId: 'x' }] }).success).toBe(false);
  });
});

describe('selectors and codings', () => {
  const sel = { position: { start: 10, end: 13 }, quote: { exact: 'LVM', prefix: 'nämner ', suffix: '.' }, page: 1 };
  it('accepts a consistent selector', () => {
    expect(SegmentSelector.safeParse(sel).success).toBe(true);
  });
  it('refuses empty or reversed ranges and quotes of the wrong length', () => {
    expect(problems(SegmentSelector, { ...sel, position: { start: 13, end: 13 } })).toContain('position.end: a passage must end after it starts (end > start)');
    expect(problems(SegmentSelector, { ...sel, quote: { ...sel.quote, exact: 'LV' } })).toEqual(['quote.exact: the quote must be exactly as long as the position range']);
    expect(SegmentSelector.safeParse({ ...sel, quote: { ...sel.quote, prefix: 'x'.repeat(33) } }).success).toBe(false);
    expect(SegmentSelector.safeParse({ ...sel, page: 0 }).success).toBe(false);
  });
  it('refuses a judgement listing a value twice and a consensus without reason', () => {
    const j = { id: 'j', projectId: 'p', documentId: 'd', coderId: 'c', codebookVersionId: 'v', variableId: 'x', valueIds: ['a'], status: 'final', createdAt: 1, updatedAt: 1 };
    expect(Judgement.safeParse(j).success).toBe(true);
    expect(problems(Judgement, { ...j, valueIds: ['a', 'a'] })).toEqual(['valueIds: a value may appear only once']);
    expect(Judgement.safeParse({ ...j, resolution: { reason: ' ', coderIds: ['a', 'b'], resolvedAt: 1 } }).success).toBe(false);
    expect(Judgement.safeParse({ ...j, resolution: { reason: 'Texten nämner LVM', coderIds: ['a'], resolvedAt: 1 } }).success).toBe(false);
  });
});

describe('documents and projects', () => {
  it('checks page starts', () => {
    expect(DocumentContent.safeParse({ documentId: 'd', text: 'abcdef', pageStarts: [0, 3] }).success).toBe(true);
    expect(problems(DocumentContent, { documentId: 'd', text: 'abc', pageStarts: [1] })).toEqual(['pageStarts[0]: the first page starts at offset 0']);
    expect(problems(DocumentContent, { documentId: 'd', text: 'abcdef', pageStarts: [0, 4, 2] })).toEqual(['pageStarts[2]: page starts must be ascending and within the text']);
    expect(DocumentContent.safeParse({ documentId: 'd', text: 'abc', pageStarts: [0, 9] }).success).toBe(false);
  });
  it('checks sha256 and attribute names', () => {
    const meta = { id: 'd', projectId: 'p', fileName: 'a.pdf', kind: 'pdf', sha256: 'a'.repeat(64), size: 1, importedAt: 1, pageCount: 1, textLength: 0, hasText: false };
    expect(DocumentMeta.safeParse(meta).success).toBe(true);
    expect(DocumentMeta.safeParse({ ...meta, sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(DocumentMeta.safeParse({ ...meta, kind: 'odt' }).success).toBe(false);
    expect(DocumentMeta.safeParse({ ...meta, attributes: { 'bad\u0001name': 'x' } }).success).toBe(false);
    expect(DocumentMeta.safeParse({ ...meta, attributes: { län: 'Dalarna' } }).success).toBe(true);
  });
  it('trims project names and refuses blank ones; blind coding is on by default', () => {
    const p = Project.parse({ id: 'p', name: '  Studie ', createdAt: 1, updatedAt: 1, settings: {} });
    expect(p.name).toBe('Studie');
    expect(p.settings.blindCoding).toBe(true);
    expect(Project.safeParse({ id: 'p', name: '   ', createdAt: 1, updatedAt: 1, settings: {} }).success).toBe(false);
    expect(Project.safeParse({ id: 'has space', name: 'x', createdAt: 1, updatedAt: 1, settings: {} }).success).toBe(false);
  });
});
