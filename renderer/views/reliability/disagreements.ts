/**
 * The disagreements to review, as a list a coder can work through: every (agreement, variable)
 * where the chosen coders' judgements differ, sorted by document name and then codebook order,
 * each with the coders' judgements in one fixed order (the chosen coders' order), and its state:
 * open, resolved (a consensus in force), or re-opened (a consensus whose judgements changed).
 */
import type { Judgement, Variable } from '../../../src/core';
import { reopenedBy, type Reopened } from '../../../src/core/final-dataset';

export interface DisagreementItem {
  key: string;
  documentId: string;
  fileName: string;
  variable: Variable;
  /** One entry per chosen coder, in their order; undefined where that coder did not judge. */
  sides: { coderId: string; judgement: Judgement | undefined }[];
  consensus: Judgement | undefined;
  state: 'open' | 'resolved' | 'reopened';
  reopened?: Reopened;
}

const setKey = (ids: readonly string[]) => [...ids].sort().join('+');

export function findDisagreements(input: {
  judgements: readonly Judgement[];
  coders: readonly string[];
  variables: readonly Variable[];
  fileNames: ReadonlyMap<string, string>;
  consensus: readonly Judgement[];
}): DisagreementItem[] {
  const byKey = new Map<string, Map<string, Judgement>>();
  for (const j of input.judgements) {
    if (!input.coders.includes(j.coderId) || j.valueIds.length === 0) continue;
    const key = `${j.documentId}\u0000${j.variableId}`;
    const m = byKey.get(key) ?? new Map<string, Judgement>();
    m.set(j.coderId, j);
    byKey.set(key, m);
  }
  const consensus = new Map(input.consensus.filter((c) => c.resolution).map((c) => [`${c.documentId}\u0000${c.variableId}`, c]));
  const rank = new Map(input.variables.map((v, i) => [v.id, i]));
  const out: DisagreementItem[] = [];
  for (const [key, list] of byKey) {
    const [documentId, variableId] = key.split('\u0000') as [string, string];
    const variable = input.variables.find((v) => v.id === variableId);
    if (!variable || list.size < 2) continue;
    if (new Set([...list.values()].map((j) => setKey(j.valueIds))).size < 2) continue;
    const c = consensus.get(key);
    const current = new Map([...list].map(([coderId, j]) => [coderId, { valueIds: j.valueIds, updatedAt: j.updatedAt }]));
    const reopened = c?.resolution ? reopenedBy(c.resolution, c.valueIds, current) : undefined;
    out.push({
      key,
      documentId,
      fileName: input.fileNames.get(documentId) ?? documentId,
      variable,
      sides: input.coders.map((coderId) => ({ coderId, judgement: list.get(coderId) })),
      consensus: c,
      state: !c ? 'open' : reopened ? 'reopened' : 'resolved',
      ...(reopened ? { reopened } : {}),
    });
  }
  return out.sort((a, b) => a.fileName.localeCompare(b.fileName, 'sv') || (rank.get(a.variable.id) ?? 0) - (rank.get(b.variable.id) ?? 0));
}

/** The next (or previous) open item after `from`, wrapping around; undefined when none is open. */
export function nextOpen(items: readonly DisagreementItem[], from: string | undefined, step: 1 | -1): string | undefined {
  const open = (i: DisagreementItem) => i.state !== 'resolved';
  if (!items.some(open)) return undefined;
  const at = items.findIndex((i) => i.key === from);
  for (let k = 1; k <= items.length; k++) {
    const i = items[(((at === -1 ? (step === 1 ? -1 : 0) : at) + step * k) % items.length + items.length) % items.length]!;
    if (open(i)) return i.key;
  }
  return undefined;
}
