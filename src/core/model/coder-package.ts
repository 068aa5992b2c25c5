/**
 * Offline coding by several coders. The lead sends each coder a *coder package* (the assigned
 * documents, the published codebook version, the coder's identity, all under the lead's ids);
 * the coder codes in their own installation and sends back a *codings file* (their passages,
 * judgements and memos, each document named by id and SHA-256), which the lead merges under that
 * coder. Both are zips whose `manifest.json` is validated by these schemas before anything is
 * written (src/formats/coder-package.ts reads and writes them; src/store/coder-packages.ts
 * builds, imports, exports and merges).
 */
import { z } from 'zod';
import { Codebook, CodebookVersion } from './codebook';
import { DocumentMemo, Judgement, Segment } from './coding';
import { DocumentContent, DocumentMeta, Sha256 } from './document';
import { Coder } from './project';
import { Assignment } from './study';
import { Id, Timestamp } from './common';

export const CODER_PACKAGE_KIND = 'coder-package';
export const CODER_CODINGS_KIND = 'coder-codings';

/** File extensions (letters and digits only, as the Electron file dialogs accept them). */
export const CODER_PACKAGE_EXTENSION = 'ovpackage';
export const CODER_CODINGS_EXTENSION = 'ovcodings';

const ProjectRef = z.object({ id: Id, name: z.string().trim().min(1).max(200), description: z.string().max(10_000).default('') }).strict();

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

function uniqueIds(ctx: Ctx, list: string, rows: readonly { id: string }[]) {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.id)) issue(ctx, [list, i, 'id'], `duplicate id "${r.id}"`);
    seen.add(r.id);
  });
}

/**
 * Codings of one coder checked against one codebook version's content: every passage's value is a
 * value of its variable, every judgement's values too, and evidence points to the coder's passages.
 */
function checkCodings(
  ctx: Ctx,
  codings: { segments: readonly Segment[]; judgements: readonly Judgement[]; memos: readonly DocumentMemo[] },
  expect: { projectId: string; coderId: string; documentIds: ReadonlySet<string>; versionIds: ReadonlySet<string> },
  prefix: (string | number)[] = [],
) {
  const lists = ['segments', 'judgements', 'memos'] as const;
  for (const list of lists) {
    codings[list].forEach((row, i) => {
      const at = [...prefix, list, i];
      if (row.projectId !== expect.projectId) issue(ctx, [...at, 'projectId'], 'belongs to another project');
      if (row.coderId !== expect.coderId) issue(ctx, [...at, 'coderId'], 'belongs to another coder');
      if (!expect.documentIds.has(row.documentId)) issue(ctx, [...at, 'documentId'], `document "${row.documentId}" is not listed in the file`);
      if ('codebookVersionId' in row && !expect.versionIds.has(row.codebookVersionId)) issue(ctx, [...at, 'codebookVersionId'], `codebook version "${row.codebookVersionId}" is not listed in the file`);
    });
    uniqueIds(ctx, [...prefix, list].join('.'), codings[list]);
  }
  const segmentIds = new Map(codings.segments.map((s) => [s.id, s]));
  const keys = new Set<string>();
  codings.judgements.forEach((j, i) => {
    const key = `${j.documentId}\u0000${j.variableId}`;
    if (keys.has(key)) issue(ctx, [...prefix, 'judgements', i], `a second judgement of variable "${j.variableId}" on document "${j.documentId}"`);
    keys.add(key);
    if (j.resolution) issue(ctx, [...prefix, 'judgements', i, 'resolution'], 'consensus judgements are made by the lead, not in a coder file');
    j.evidenceSegmentIds.forEach((e, k) => {
      const s = segmentIds.get(e);
      if (!s || s.documentId !== j.documentId) issue(ctx, [...prefix, 'judgements', i, 'evidenceSegmentIds', k], `evidence "${e}" is not a passage of this coder in this document`);
    });
  });
  const memoDocs = new Set<string>();
  codings.memos.forEach((m, i) => {
    if (memoDocs.has(m.documentId)) issue(ctx, [...prefix, 'memos', i], `a second memo on document "${m.documentId}"`);
    memoDocs.add(m.documentId);
  });
}

const CodingsOfCoder = z
  .object({
    segments: z.array(Segment).default([]),
    judgements: z.array(Judgement).default([]),
    memos: z.array(DocumentMemo).default([]),
  })
  .strict();

/**
 * What the lead sends one coder. Blind: it carries only this coder's own earlier codings on the
 * assigned documents under the packaged version (so a re-issued package continues their work),
 * never another coder's.
 */
export const CoderPackageData = z
  .object({
    kind: z.literal(CODER_PACKAGE_KIND),
    formatVersion: z.literal(1),
    createdAt: Timestamp,
    /** The lead's project: the coder's installation keeps this id so codings merge back exactly. */
    project: ProjectRef,
    /** The coder the package is assigned to (the lead's record, same id). */
    coder: Coder,
    /** The lead's reserved consensus coder (every project has one). */
    consensusCoder: Coder,
    codebook: Codebook,
    /** One published version: what the coder codes with. */
    codebookVersion: CodebookVersion,
    assignment: z.object({ coderId: Id, documentIds: z.array(Id).min(1, 'a package assigns at least one document') }).strict(),
    documents: z.array(DocumentMeta),
    documentContents: z.array(DocumentContent),
    files: z.array(z.object({ documentId: Id, mimeType: z.string() }).strict()),
    codings: CodingsOfCoder.default({ segments: [], judgements: [], memos: [] }),
    /** The coder's assignments on the packaged documents (primary or reliability). */
    assignments: z.array(Assignment).optional(),
    /** The lead's blinding as the coder's installation enforces it (the lead is not the coder, so it cannot be changed there). */
    blinding: z
      .object({ leadCoderId: Id, blindCoding: z.boolean(), stage: z.enum(['coding', 'review']).optional(), blindInReview: z.boolean().optional(), blind: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const pid = p.project.id;
    if (p.coder.projectId !== pid) issue(ctx, ['coder', 'projectId'], 'belongs to another project');
    if (p.coder.kind !== 'human') issue(ctx, ['coder', 'kind'], 'a package is assigned to a human coder');
    if (p.consensusCoder.projectId !== pid) issue(ctx, ['consensusCoder', 'projectId'], 'belongs to another project');
    if (p.consensusCoder.kind !== 'consensus') issue(ctx, ['consensusCoder', 'kind'], 'must be the consensus coder');
    if (p.consensusCoder.id === p.coder.id) issue(ctx, ['consensusCoder', 'id'], 'must differ from the coder');
    if (p.codebook.projectId !== pid) issue(ctx, ['codebook', 'projectId'], 'belongs to another project');
    if (p.codebookVersion.projectId !== pid) issue(ctx, ['codebookVersion', 'projectId'], 'belongs to another project');
    if (p.codebookVersion.codebookId !== p.codebook.id) issue(ctx, ['codebookVersion', 'codebookId'], 'is a version of another codebook');
    if (p.codebookVersion.status !== 'published') issue(ctx, ['codebookVersion', 'status'], 'only a published version can be sent to coders');
    if (p.assignment.coderId !== p.coder.id) issue(ctx, ['assignment', 'coderId'], 'the assignment is for another coder');
    uniqueIds(ctx, 'documents', p.documents);
    const docs = new Map(p.documents.map((d) => [d.id, d]));
    p.documents.forEach((d, i) => d.projectId !== pid && issue(ctx, ['documents', i, 'projectId'], 'belongs to another project'));
    const assigned = new Set(p.assignment.documentIds);
    if (assigned.size !== p.assignment.documentIds.length) issue(ctx, ['assignment', 'documentIds'], 'a document is assigned twice');
    p.assignment.documentIds.forEach((id, i) => !docs.has(id) && issue(ctx, ['assignment', 'documentIds', i], `document "${id}" is not in the package`));
    p.documents.forEach((d, i) => !assigned.has(d.id) && issue(ctx, ['documents', i], `document "${d.fileName}" is not assigned`));
    const contents = new Set<string>();
    p.documentContents.forEach((c, i) => {
      const meta = docs.get(c.documentId);
      if (!meta) issue(ctx, ['documentContents', i], 'content of an unknown document');
      else if (meta.textLength !== c.text.length) issue(ctx, ['documentContents', i, 'text'], `the text of "${meta.fileName}" is not ${meta.textLength} characters long`);
      contents.add(c.documentId);
    });
    const files = new Set<string>();
    p.files.forEach((f, i) => {
      if (!docs.has(f.documentId)) issue(ctx, ['files', i], 'file of an unknown document');
      files.add(f.documentId);
    });
    p.documents.forEach((d, i) => {
      if (!contents.has(d.id)) issue(ctx, ['documents', i], `"${d.fileName}" has no text content in the package`);
      if (!files.has(d.id)) issue(ctx, ['documents', i], `"${d.fileName}" has no file in the package`);
    });
    checkCodings(ctx, p.codings, { projectId: pid, coderId: p.coder.id, documentIds: assigned, versionIds: new Set([p.codebookVersion.id]) }, ['codings']);
    (p.assignments ?? []).forEach((a, i) => {
      if (a.projectId !== pid) issue(ctx, ['assignments', i, 'projectId'], 'belongs to another project');
      if (a.coderId !== p.coder.id) issue(ctx, ['assignments', i, 'coderId'], 'belongs to another coder');
      if (!assigned.has(a.documentId)) issue(ctx, ['assignments', i, 'documentId'], `document "${a.documentId}" is not in the package`);
    });
    p.documents.forEach((d, i) => d.twin && !docs.has(d.twin.of) && issue(ctx, ['documents', i, 'twin', 'of'], 'twin of a document that is not in the package'));
  });
export type CoderPackageData = z.infer<typeof CoderPackageData>;

/** What a coder sends back: their complete codings on the documents and versions it lists. */
export const CoderCodingsData = z
  .object({
    kind: z.literal(CODER_CODINGS_KIND),
    formatVersion: z.literal(1),
    exportedAt: Timestamp,
    project: ProjectRef,
    coder: z.object({ id: Id, name: z.string().trim().min(1).max(100) }).strict(),
    /**
     * The codebook versions the coder's installation has (all from the lead's packages). The
     * file is complete for these versions on the listed documents.
     */
    codebookVersions: z.array(z.object({ id: Id, codebookId: Id, number: z.number().int().positive() }).strict()),
    /** Every document the coder has, by id and SHA-256 of the original file. */
    documents: z.array(z.object({ id: Id, sha256: Sha256, fileName: z.string().min(1).max(1000) }).strict()),
    segments: z.array(Segment),
    judgements: z.array(Judgement),
    memos: z.array(DocumentMemo),
  })
  .strict()
  .superRefine((f, ctx) => {
    uniqueIds(ctx, 'documents', f.documents);
    uniqueIds(ctx, 'codebookVersions', f.codebookVersions);
    checkCodings(ctx, f, { projectId: f.project.id, coderId: f.coder.id, documentIds: new Set(f.documents.map((d) => d.id)), versionIds: new Set(f.codebookVersions.map((v) => v.id)) });
  });
export type CoderCodingsData = z.infer<typeof CoderCodingsData>;
