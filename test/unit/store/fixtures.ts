/** Small hand-made fixtures for the store tests. */
import type { CodebookTemplate } from '../../../src/core';

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
