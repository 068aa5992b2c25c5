// Codebook JSON export and validated import (problems listed by path).
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../src/core/codebook';
import { exportCodebookJson, parseCodebookJson } from '../../../src/formats/codebook-json';
import { english } from '../../../src/formats/messages';

const template = getTemplate('oppna-jamforelser-2019')!;
const codebook = { id: 'cb', projectId: 'p', name: template.name, description: template.description, templateId: template.id, createdAt: 1, updatedAt: 1 };
const version = { id: 'v', codebookId: 'cb', projectId: 'p', number: 3, status: 'published' as const, createdAt: 1, publishedAt: 2, note: '', content: template.content, changes: [] };

describe('codebook JSON', () => {
  it('round-trips a version', () => {
    const parsed = parseCodebookJson(exportCodebookJson(codebook, version));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.template.content).toEqual(template.content);
  });

  it('lists every problem by path and imports nothing', () => {
    const broken = JSON.parse(exportCodebookJson(codebook, version));
    broken.content.variables[1].values[0].colour = 'blå';
    broken.content.variables[4].derived.then = 'finns-inte';
    delete broken.format;
    const parsed = parseCodebookJson(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(english(parsed.problems)).toEqual(expect.arrayContaining([
        expect.stringMatching(/^format: /),
        'content.variables[1].values[0].colour: colour must be #rrggbb',
        'content.variables[4].derived.then: "finns-inte" is not a value of this variable',
      ]));
      // The same paths in Swedish, the messages in Swedish (src/formats/issue-text.ts): zod's
      // "expected" literal, our colour rule and our derived-rule message.
      expect(parsed.problems.map((p) => p.sv)).toEqual(expect.arrayContaining([
        'format: ska vara "overens-codebook"',
        'content.variables[1].values[0].colour: färgen ska skrivas #rrggbb',
        'content.variables[4].derived.then: "finns-inte" är inte ett värde i den här variabeln',
      ]));
      for (const p of parsed.problems) expect(p.sv).not.toMatch(/Invalid input|expected|must/);
    }
    const notJson = parseCodebookJson('{ inte json');
    expect(notJson.ok ? [] : notJson.problems.map((p) => [p.sv.slice(0, p.sv.indexOf(':')), p.en.slice(0, p.en.indexOf(':'))])).toEqual([['inte giltig JSON', 'not valid JSON']]);
  });
});

describe('schema issues in Swedish', () => {
  it('words zod\'s own checks from their parameters, and keeps an unknown rule visible', async () => {
    const { issueTextSv } = await import('../../../src/formats/issue-text');
    const { z } = await import('zod');
    const issues = z.object({ a: z.object({}), b: z.string().min(3), c: z.array(z.number()).max(1) }).strict().safeParse({ b: 'x', c: [1, 2], d: 1 }).error!.issues;
    expect(issues.map((i) => issueTextSv(i as never))).toEqual(['fel typ: ska vara ett objekt, är ingenting', 'minst 3 tecken', 'högst 1 poster', 'okända fält: "d"']);
    expect(issueTextSv({ code: 'custom', message: 'something new' })).toBe('regeln bryts (something new)');
  });
});
