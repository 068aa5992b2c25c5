/**
 * Turn an imported REFI-QDA project into a new Överens project (as backup data, restored in one
 * transaction): users → coders (+ the consensus coder); code tree → codebook (a parent with
 * children → a variable whose values are the children; deeper levels flattened as "Parent /
 * Child"; codes without a parent → values of a thematic variable "Koder"; a parent marked codable
 * that selections use gets an extra value — the same mapping as a `.qdc` codebook file, see
 * refi-qda-codes.ts); sources → documents; selections × codings → passages;
 * source codings → judgements; variables → attributes; notes → memos; sets of codes → variable
 * groups; the project's description and loose notes → the project's description. Unmapped things
 * are listed.
 *
 * Identity: sources, users and selections keep their GUIDs as document, coder and passage ids, and
 * codes as variable and value ids, so an export writes the same GUIDs again and the project can be
 * merged back into the program it came from. Ids the database already holds (the same package
 * imported twice) are given new ones — `takenIds` says which — and the report says so.
 */
import { BACKUP_FORMAT, newId, sha256Hex, type BackupData, type Coder, type CodebookContent, type Judgement, type Segment, type UserMessage } from '../core';
import { describeRange } from '../core/anchoring';
import { msg } from './messages';
import { baseKey, codeTreeToVariables, FINAL_USER_ID, guidFor, isGuid } from './refi-qda-codes';
import type { QdpxProject } from './refi-qda-import';


export interface QdpxMappingOptions {
  /** Of these ids (GUIDs from the package), the ones the database already holds. */
  takenIds?: ReadonlySet<string>;
}

export async function qdpxToBackup(imported: QdpxProject, now: number = Date.now(), options: QdpxMappingOptions = {}): Promise<{ data: BackupData; files: Map<string, Uint8Array>; problems: UserMessage[] }> {
  const problems = [...imported.problems];
  const projectId = newId();
  const usedSelectionCodes = new Set<string>();
  for (const s of imported.sources) {
    for (const x of s.selections) for (const g of x.codeGuids) usedSelectionCodes.add(g);
    for (const c of s.codings) usedSelectionCodes.add(c.codeGuid);
  }
  // A GUID from the package becomes the id, unless it is no GUID, was used already, or the database has it.
  const usedIds = new Set<string>();
  let renewed = 0;
  const idFrom = (guid: string | undefined): string => {
    if (guid && isGuid(guid) && !usedIds.has(guid)) {
      usedIds.add(guid);
      if (!options.takenIds?.has(guid)) return guid;
      renewed++;
    }
    return newId();
  };

  // Codebook: code GUIDs are the variable and value ids (a codebook's ids are its own, so no clash).
  const codebook = codeTreeToVariables(imported.codes, {
    variableId: (code) => (code.guid && isGuid(code.guid) ? code.guid : `qdpx.${guidFor(code.guid || code.name)}`),
    valueId: (variableId, code, label) => (code.guid && isGuid(code.guid) ? code.guid : `${variableId}.${guidFor(code.guid || label)}`),
    looseVariableId: 'qdpx.koder',
    usedCodes: usedSelectionCodes,
  });
  problems.push(...codebook.problems);
  const { variables, codeToValue } = codebook;
  const content: CodebookContent = { groups: codeSetGroups(imported, variables, codeToValue, problems), variables };
  const codebookId = newId();
  const versionId = newId();

  // Coders.
  // Coder names are unique per project, and "Konsensus" is the project's own consensus coder:
  // a clashing imported name gets a numbered suffix (and a problem line saying so).
  const takenNames = new Set(['Konsensus']);
  // The consensus coder of an Överens export (User id="consensus") becomes this project's
  // consensus coder again, so its judgements stay consensus judgements.
  const consensusGuids = new Set(imported.users.filter((u) => u.id === 'consensus').map((u) => u.guid));
  // The final dataset of an Överens export (User id="final") is computed from the coders' and
  // consensus judgements, so it is recomputed here rather than read as a coder.
  const finalGuids = new Set(imported.users.filter((u) => u.id === FINAL_USER_ID).map((u) => u.guid));
  const humans = imported.users.filter((u) => !consensusGuids.has(u.guid) && !finalGuids.has(u.guid));
  // createdAt increases by 1 ms per user so the coder list keeps the package's order.
  const coders: Coder[] = humans.map((u, i) => {
    const base = u.name.trim() || u.guid;
    let name = base;
    for (let i = 2; takenNames.has(name); i++) name = `${base} (${i})`;
    if (name !== base) problems.push(msg(`Användaren "${base}" döptes om till "${name}" (kodarnas namn måste vara unika)`, `User "${base}" was renamed to "${name}" (coder names must be unique)`));
    takenNames.add(name);
    return { id: idFrom(u.guid), projectId, name, kind: 'human', createdAt: now + i };
  });
  const consensusId = idFrom([...consensusGuids][0]);
  const coderByGuid = new Map<string, string>([...humans.map((u, i) => [u.guid, coders[i]!.id] as const), ...[...consensusGuids].map((g) => [g, consensusId] as const)]);
  let fallbackCoder = coders[0]?.id;
  if (!fallbackCoder) {
    coders.push({ id: newId(), projectId, name: 'Importerad', kind: 'human', createdAt: now });
    fallbackCoder = coders[0]!.id;
  }
  coders.push({ id: consensusId, projectId, name: 'Konsensus', kind: 'consensus', createdAt: now });
  const coderOf = (guid: string | undefined) => (guid && coderByGuid.get(guid)) || fallbackCoder!;

  // Documents, passages, judgements, memos.
  const files = new Map<string, Uint8Array>();
  const documents: BackupData['documents'] = [];
  const documentContents: BackupData['documentContents'] = [];
  const fileRows: BackupData['files'] = [];
  const segments: Segment[] = [];
  const judgements: Judgement[] = [];
  const memos: BackupData['memos'] = [];
  const unknownCodes = new Map<string, number>();
  for (const source of imported.sources) {
    const id = idFrom(source.guid);
    const bytes = source.original ?? new TextEncoder().encode(source.text);
    files.set(id, bytes);
    documents.push({ id, projectId, fileName: source.name, kind: source.kind, sha256: await sha256Hex(bytes), size: bytes.length, version: 1, importedAt: now, pageCount: 1, textLength: source.text.length, hasText: source.text.trim().length > 0, attributes: source.variables, warnings: [] });
    documentContents.push({ documentId: id, text: source.text, pageStarts: [0] });
    fileRows.push({ documentId: id, mimeType: source.kind === 'pdf' ? 'application/pdf' : 'text/plain' });
    for (const sel of source.selections) {
      for (let k = 0; k < sel.codeGuids.length; k++) {
        const codeGuid = sel.codeGuids[k]!;
        const target = codeToValue.get(codeGuid);
        if (!target) {
          unknownCodes.set(codeGuid, (unknownCodes.get(codeGuid) ?? 0) + 1);
          continue;
        }
        // The coder is the Coding's creating user, else the selection's. The first coding keeps the selection's GUID.
        const coderId = coderOf(sel.codingUsers?.[k] ?? sel.creatingUser);
        segments.push({ id: k === 0 ? idFrom(sel.guid) : newId(), projectId, documentId: id, coderId, codebookVersionId: versionId, variableId: target.variableId, valueId: target.valueId, selector: describeRange(source.text, sel.start, sel.end), memo: sel.notes.join('\n\n'), orphaned: false, createdAt: now, updatedAt: now });
      }
    }
    const byCoderVariable = new Map<string, { valueIds: string[]; notes: string[] }>();
    for (const c of source.codings) {
      if (c.user && finalGuids.has(c.user)) continue;
      const target = codeToValue.get(c.codeGuid);
      if (!target) {
        unknownCodes.set(c.codeGuid, (unknownCodes.get(c.codeGuid) ?? 0) + 1);
        continue;
      }
      const key = `${coderOf(c.user)}\u0000${target.variableId}`;
      const entry = byCoderVariable.get(key) ?? { valueIds: [], notes: [] };
      entry.valueIds.push(target.valueId);
      entry.notes.push(...(c.notes ?? []));
      byCoderVariable.set(key, entry);
    }
    const judgedBy = (variableId: string) => [...byCoderVariable.keys()].map((k) => k.split('\u0000') as [string, string]).filter(([c, v]) => v === variableId && c !== consensusId).map(([c]) => c);
    for (const [key, { valueIds, notes }] of byCoderVariable) {
      const [coderId, variableId] = key.split('\u0000') as [string, string];
      const judgement: Judgement = { id: newId(), projectId, documentId: id, coderId, codebookVersionId: versionId, variableId, valueIds: [...new Set(valueIds)], status: 'final', origin: 'explicit', evidenceSegmentIds: [], memo: notes.join('\n\n'), createdAt: now, updatedAt: now };
      // A consensus judgement's first note is its reason (our export writes it first), when the
      // coders it reconciled are in the package too.
      const reconciled = coderId === consensusId ? judgedBy(variableId) : [];
      if (reconciled.length >= 2 && notes[0]?.trim()) {
        const basis = reconciled.map((c) => ({ coderId: c, valueIds: [...new Set(byCoderVariable.get(`${c}\u0000${variableId}`)?.valueIds ?? [])] }));
        judgement.resolution = { reason: notes[0], coderIds: reconciled, resolvedAt: now, basis };
        judgement.memo = notes.slice(1).join('\n\n');
      }
      judgements.push(judgement);
    }
    // Document notes → one memo per coder (a note's creating user; notes without one go to the first coder).
    const memoTexts = new Map<string, string[]>();
    source.notes.forEach((text, i) => {
      const coderId = coderOf(source.noteUsers?.[i]);
      memoTexts.set(coderId, [...(memoTexts.get(coderId) ?? []), text]);
    });
    for (const [coderId, texts] of memoTexts) memos.push({ id: newId(), projectId, documentId: id, coderId, text: texts.join('\n\n'), updatedAt: now });
  }
  if (unknownCodes.size) {
    let count = 0;
    for (const n of unknownCodes.values()) count += n;
    const guids = [...unknownCodes.keys()];
    const shown = `${guids.slice(0, 5).join(', ')}${guids.length > 5 ? '…' : ''}`;
    problems.push(msg(`${count} kodning(ar) hänvisar till ${guids.length} kod(er) som inte finns i kodboken (${shown}); hoppades över`, `${count} coding(s) refer to ${guids.length} code(s) that are not in the codebook (${shown}); skipped`));
  }
  if (renewed) {
    problems.push(
      msg(
        `${renewed} GUID:n i paketet finns redan i databasen (paketet har importerats förut) och fick nya id:n; en export av det här projektet kan därför inte slås ihop med originalet`,
        `${renewed} GUID(s) in the package are already in the database (the package was imported before) and were given new ids; an export of this project can therefore not be merged with the original`,
      ),
    );
  }

  const data: BackupData = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    exportedAt: now,
    project: { id: projectId, name: imported.name, description: imported.memo ?? 'Importerat från REFI-QDA', createdAt: now, updatedAt: now, settings: { blindCoding: true, codebookId } },
    coders,
    codebooks: [{ id: codebookId, projectId, name: { sv: imported.name }, description: {}, createdAt: now, updatedAt: now }],
    codebookVersions: [{ id: versionId, codebookId, projectId, number: 1, status: 'published', createdAt: now, publishedAt: now, note: 'REFI-QDA', content, changes: [] }],
    documents,
    documentContents,
    files: fileRows,
    segments,
    judgements,
    memos,
  };
  return { data, files, problems };
}

/**
 * Sets of codes → variable groups: a set's member codes are variables (parent codes) or values
 * of them; each variable goes to the first set that names it. Sets that name no variable, and
 * variables in several sets, are reported.
 */
function codeSetGroups(imported: QdpxProject, variables: CodebookContent['variables'], codeToValue: ReadonlyMap<string, { variableId: string }>, problems: UserMessage[]): CodebookContent['groups'] {
  const groups: CodebookContent['groups'] = [];
  const byId = new Map(variables.map((v) => [v.id, v]));
  const keys = new Set<string>();
  for (const set of imported.codeSets ?? []) {
    const members = new Set<string>();
    for (const g of set.codeGuids) {
      const v = byId.get(g)?.id ?? codeToValue.get(g)?.variableId;
      if (v) members.add(v);
    }
    if (members.size === 0) {
      problems.push(msg(`Kodmängden "${set.name}" innehåller inga koder som blev variabler; den fördes inte över`, `The code set "${set.name}" holds no codes that became variables; not mapped`));
      continue;
    }
    let key = baseKey(set.name);
    for (let i = 2; keys.has(key); i++) key = `${baseKey(set.name)}_${i}`;
    keys.add(key);
    const groupId = isGuid(set.guid) ? set.guid : `qdpx.set.${guidFor(set.guid || set.name)}`;
    groups.push({ id: groupId, key, label: { sv: set.name }, description: set.description ? { sv: set.description } : {} });
    const elsewhere: string[] = [];
    for (const id of members) {
      const v = byId.get(id)!;
      if (v.groupId) elsewhere.push(v.label.sv ?? v.key);
      else v.groupId = groupId;
    }
    if (elsewhere.length) problems.push(msg(`Kodmängden "${set.name}": ${elsewhere.join(', ')} hör redan till en annan grupp`, `The code set "${set.name}": ${elsewhere.join(', ')} already belong to another group`));
  }
  return groups;
}
