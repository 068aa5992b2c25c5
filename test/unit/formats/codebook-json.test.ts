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
      // The schema's messages by path are not translated: the same line in both languages.
      for (const p of parsed.problems) expect(p.sv).toBe(p.en);
    }
    const notJson = parseCodebookJson('{ inte json');
    expect(notJson.ok ? [] : notJson.problems.map((p) => [p.sv.slice(0, p.sv.indexOf(':')), p.en.slice(0, p.en.indexOf(':'))])).toEqual([['inte giltig JSON', 'not valid JSON']]);
  });
});
