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
  });
export type BackupData = z.infer<typeof BackupData>;
