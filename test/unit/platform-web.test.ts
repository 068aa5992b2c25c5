// The web Platform's pure parts: the accept attribute for <input type=file>.
import { describe, expect, it } from 'vitest';
import { acceptAttribute } from '../../renderer/platform/web';

describe('web platform', () => {
  it('turns dialog filters into an accept attribute', () => {
    expect(acceptAttribute([{ name: 'Dokument', extensions: ['pdf', 'DOCX'] }, { name: 'Text', extensions: ['txt', 'md'] }])).toBe('.pdf,.docx,.txt,.md');
    expect(acceptAttribute([{ name: 'Alla', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute(undefined)).toBe('');
  });
});
