/** Small hand-made fixtures for the store tests. */
import type { CodebookTemplate, DocumentMeta } from '../../../src/core';
import type { Store } from '../../../src/store';

export const tinyTemplate: CodebookTemplate = {
  format: 'overens-codebook',
  formatVersion: 1,
  id: 'tiny',
  name: { sv: 'Liten mall', en: 'Tiny template' },
  description: {},
  language: 'sv',
  content: {
    groups: [{ id: 'g', key: 'g', label: { sv: 'Mål', en: 'Goals' }, description: {} }],
    variables: [
      {
        id: 'lvm',
        key: 'lvm',
        label: { sv: 'LVM' },
        groupId: 'g',
        description: {},
        codingRule: {},
        kind: 'single',
        level: 'nominal',
        values: [
          { id: 'lvm.ja', key: 'ja', label: { sv: 'Ja' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: ['LVM'], colour: '#1f77b4', absent: false },
          { id: 'lvm.nej', key: 'nej', label: { sv: 'Nej' }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: [], colour: '#999999', absent: true },
        ],
      },
    ],
  },
};

/** A one-page text document of the project, as the store takes it. */
export function documentFixture(projectId: string, id = 'doc-1', text = 'Överenskommelsen nämner LVM.'): Parameters<Store['documents']['add']>[0] {
  const meta: DocumentMeta = {
    id,
    projectId,
    fileName: `${id}.txt`,
    kind: 'txt',
    sha256: 'a'.repeat(64),
    size: text.length,
    version: 1,
    importedAt: 1,
    pageCount: 1,
    textLength: text.length,
    hasText: true,
    attributes: { level: 'county' },
    warnings: [],
  };
  return {
    meta,
    content: { documentId: id, text, pageStarts: [0] },
    file: { documentId: id, mimeType: 'text/plain', bytes: new Blob([text]) },
  };
}
