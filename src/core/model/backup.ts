/** The one-file project backup: every record of one project, validated on restore. */
import { z } from 'zod';
import { Codebook, CodebookVersion } from './codebook';
import { DocumentMemo, Judgement, Segment } from './coding';
import { DocumentContent, DocumentMeta } from './document';
import { Coder, Project } from './project';
import { Id } from './common';
import { Assignment, BlindingEvent, ConsensusEvent, ReliabilitySample } from './study';

export const BACKUP_FORMAT = 'overens-backup';

export const BackupData = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: z.number().int(),
    project: Project,
    coders: z.array(Coder),
    codebooks: z.array(Codebook),
    codebookVersions: z.array(CodebookVersion),
    documents: z.array(DocumentMeta),
    documentContents: z.array(DocumentContent),
    files: z.array(z.object({ documentId: Id, mimeType: z.string() }).strict()),
    segments: z.array(Segment),
    judgements: z.array(Judgement),
    memos: z.array(DocumentMemo),
    // Added with schema version 3 (absent in older backups).
    assignments: z.array(Assignment).optional(),
    samples: z.array(ReliabilitySample).optional(),
    consensusEvents: z.array(ConsensusEvent).optional(),
    blindingEvents: z.array(BlindingEvent).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const pid = b.project.id;
    const lists = ['coders', 'codebooks', 'codebookVersions', 'documents', 'segments', 'judgements', 'memos', 'assignments', 'samples', 'consensusEvents', 'blindingEvents'] as const;
    for (const list of lists) {
      (b[list] ?? []).forEach((row, i) => {
        if (row.projectId !== pid) ctx.addIssue({ code: 'custom', path: [list, i, 'projectId'], message: 'belongs to another project' });
      });
    }
    const docs = new Set(b.documents.map((d) => d.id));
    b.documentContents.forEach((c, i) => !docs.has(c.documentId) && ctx.addIssue({ code: 'custom', path: ['documentContents', i], message: 'content of an unknown document' }));
    b.files.forEach((f, i) => !docs.has(f.documentId) && ctx.addIssue({ code: 'custom', path: ['files', i], message: 'file of an unknown document' }));
    b.documents.forEach((d, i) => d.twin && !docs.has(d.twin.of) && ctx.addIssue({ code: 'custom', path: ['documents', i, 'twin', 'of'], message: 'twin of an unknown document' }));
    // Referential integrity: every row's document, coder and codebook version is one of this
    // backup's own, so a restore can never plant codings in another project. One issue per row
    // kind and field: how many rows, and the first of them.
    const known = {
      documentId: docs,
      coderId: new Set(b.coders.map((c) => c.id)),
      codebookVersionId: new Set(b.codebookVersions.map((v) => v.id)),
      codebookId: new Set(b.codebooks.map((c) => c.id)),
    };
    const what = { documentId: 'document', coderId: 'coder', codebookVersionId: 'codebook version', codebookId: 'codebook' } as const;
    const check = (list: string, rows: readonly Record<string, unknown>[], fields: readonly (keyof typeof known)[]) => {
      for (const field of fields) {
        let count = 0;
        let first = -1;
        rows.forEach((row, i) => {
          const id = row[field];
          if (typeof id === 'string' && !known[field].has(id)) {
            count++;
            if (first < 0) first = i;
          }
        });
        if (count > 0) {
          const id = String(rows[first]![field]).slice(0, 100);
          ctx.addIssue({ code: 'custom', path: [list], message: `${count} ${count === 1 ? 'row refers' : 'rows refer'} to a ${what[field]} that is not in this project (first: ${list}[${first}].${field} "${id}")` });
        }
      }
    };
    check('codebookVersions', b.codebookVersions, ['codebookId']);
    check('segments', b.segments, ['documentId', 'coderId', 'codebookVersionId']);
    check('judgements', b.judgements, ['documentId', 'coderId', 'codebookVersionId']);
    check('memos', b.memos, ['documentId', 'coderId']);
    check('assignments', b.assignments ?? [], ['documentId', 'coderId']);
    check('consensusEvents', b.consensusEvents ?? [], ['documentId']);
  });
export type BackupData = z.infer<typeof BackupData>;
