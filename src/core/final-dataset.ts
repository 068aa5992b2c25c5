/**
 * The study's final dataset: one value per agreement (unit) and variable, with its provenance.
 * Rules, in order (never a silent pick):
 * 1. **consensus** — the consensus coder's judgement with a resolution, when it is in force: the
 *    judgements it reconciled are still as they were (`resolution.basis`; without a basis, none
 *    of them changed after `resolvedAt`) and no coder judged differently since. Otherwise it is
 *    *re-opened*: it does not count, and the cell carries a note saying what changed.
 * 2. **agreed** — every human coder who judged the variable gave the same value(s).
 * 3. **single** — only one human coder judged it.
 * 4. **unresolved** — the coders differ and there is no consensus in force: no value, listed.
 * 5. **unjudged** — nobody judged it: no value.
 * Derived variables (e.g. the Öppna jämförelser indicator) are computed on the final values of
 * their components (provenance **derived**). Thematic variables are passage codes, not in the dataset.
 *
 * Twins: a coder's judgement of a unit is the one on the unit's own file, else the one on another
 * file of it (listed in `twinConflicts` when the two differ). Only judgements under the chosen
 * codebook version count; the others are counted in `excluded`.
 */
import { computeDerived } from './codebook/derived';
import type { CodebookContent, Variable } from './model/codebook';
import type { UserMessage } from './errors';
import { unitsOf, type UnitDocument } from './units';

export type Provenance = 'consensus' | 'agreed' | 'single' | 'unresolved' | 'unjudged' | 'derived';

export const PROVENANCES: readonly Provenance[] = ['consensus', 'agreed', 'single', 'unresolved', 'unjudged', 'derived'];

export interface FinalJudgement {
  documentId: string;
  coderId: string;
  variableId: string;
  valueIds: readonly string[];
  codebookVersionId: string;
  updatedAt: number;
  resolution?: { reason: string; coderIds: readonly string[]; resolvedAt: number; basis?: readonly { coderId: string; valueIds: readonly string[] }[] } | undefined;
}

export interface FinalCoder {
  id: string;
  kind: 'human' | 'consensus';
}

export interface FinalDatasetInput {
  content: CodebookContent;
  documents: readonly UnitDocument[];
  coders: readonly FinalCoder[];
  judgements: readonly FinalJudgement[];
  /** Only judgements under this version count (omitted: all). */
  codebookVersionId?: string;
}

/** Why a consensus no longer counts. */
export interface Reopened {
  resolvedAt: number;
  reason: string;
  valueIds: readonly string[];
  /** The coders whose judgement differs from the one the consensus reconciled (`from` empty: judged after it). */
  changes: { coderId: string; from: readonly string[]; to: readonly string[] }[];
}

export interface FinalCell {
  unit: string;
  variableId: string;
  /** Empty for unresolved and unjudged cells (and a derived cell whose components are missing). */
  valueIds: string[];
  provenance: Provenance;
  /** Each human coder's values for the unit (coders with a value only), in coder order. */
  coders: { coderId: string; valueIds: readonly string[] }[];
  consensus?: { reason: string; resolvedAt: number };
  reopened?: Reopened;
}

export interface FinalSummary {
  units: number;
  /** Units whose every coded variable has a final value. */
  complete: number;
  cells: Record<Provenance, number>;
  reopened: number;
}

export interface FinalDataset {
  /** Coded (not derived, not thematic) then derived variables, in codebook order. */
  variables: Variable[];
  /** Unit ids in document order, with their files. */
  units: { id: string; files: string[] }[];
  cells: FinalCell[];
  /** unit → variable → cell */
  byUnit: Map<string, Map<string, FinalCell>>;
  summary: FinalSummary;
  /** Judgements under other codebook versions, not counted. */
  excluded: number;
  /** A coder who judged two files of one agreement differently: the unit's own file counted. */
  twinConflicts: { unit: string; variableId: string; coderId: string }[];
}

const key = (ids: readonly string[]) => [...ids].sort().join('\u0000');
const same = (a: readonly string[], b: readonly string[]) => key(a) === key(b);

/** Whether a consensus judgement is still in force given the human coders' current values. */
export function reopenedBy(
  resolution: NonNullable<FinalJudgement['resolution']>,
  consensusValues: readonly string[],
  current: ReadonlyMap<string, { valueIds: readonly string[]; updatedAt: number }>,
): Reopened | undefined {
  const changes: Reopened['changes'] = [];
  if (resolution.basis) {
    const basis = new Map(resolution.basis.map((b) => [b.coderId, b.valueIds]));
    for (const [coderId, was] of basis) {
      const now = current.get(coderId)?.valueIds ?? [];
      if (!same(was, now)) changes.push({ coderId, from: was, to: now });
    }
    // A coder who judged after the consensus and differs from it.
    for (const [coderId, now] of current) {
      if (!basis.has(coderId) && !same(now.valueIds, consensusValues)) changes.push({ coderId, from: [], to: now.valueIds });
    }
  } else {
    for (const coderId of resolution.coderIds) {
      const now = current.get(coderId);
      if (now && now.updatedAt > resolution.resolvedAt) changes.push({ coderId, from: [], to: now.valueIds });
    }
  }
  return changes.length ? { resolvedAt: resolution.resolvedAt, reason: resolution.reason, valueIds: consensusValues, changes } : undefined;
}

/** The variables of the final dataset: coded ones, then derived ones, each group in codebook order. */
export function finalVariables(content: CodebookContent): Variable[] {
  const categorical = content.variables.filter((v) => v.kind !== 'thematic');
  return [...categorical.filter((v) => !v.derived), ...categorical.filter((v) => v.derived)];
}

export function composeFinalDataset(input: FinalDatasetInput): FinalDataset {
  const variables = finalVariables(input.content);
  const coded = variables.filter((v) => !v.derived);
  const derived = variables.filter((v) => v.derived);
  const units = unitsOf(input.documents);
  const unitOfDoc = new Map<string, string>();
  const fileRank = new Map<string, number>();
  for (const u of units) u.files.forEach((f, i) => (unitOfDoc.set(f.id, u.unit.id), fileRank.set(f.id, i)));
  const humans = input.coders.filter((c) => c.kind === 'human').map((c) => c.id);
  const consensusIds = new Set(input.coders.filter((c) => c.kind === 'consensus').map((c) => c.id));
  const humanSet = new Set(humans);
  const codedIds = new Set(coded.map((v) => v.id));

  // unit → variable → coder → { values, rank of the file it was made on }
  type Entry = { valueIds: readonly string[]; updatedAt: number; rank: number };
  const human = new Map<string, Map<string, Map<string, Entry>>>();
  const consensus = new Map<string, Map<string, FinalJudgement & { rank: number }>>();
  const twinConflicts: FinalDataset['twinConflicts'] = [];
  let excluded = 0;
  for (const j of input.judgements) {
    const unit = unitOfDoc.get(j.documentId);
    if (unit === undefined || !codedIds.has(j.variableId) || j.valueIds.length === 0) continue;
    if (input.codebookVersionId !== undefined && j.codebookVersionId !== input.codebookVersionId) {
      excluded++;
      continue;
    }
    const rank = fileRank.get(j.documentId)!;
    if (humanSet.has(j.coderId)) {
      const byVariable = human.get(unit) ?? new Map<string, Map<string, Entry>>();
      human.set(unit, byVariable);
      const byCoder = byVariable.get(j.variableId) ?? new Map<string, Entry>();
      byVariable.set(j.variableId, byCoder);
      const earlier = byCoder.get(j.coderId);
      if (earlier) {
        if (!same(earlier.valueIds, j.valueIds)) twinConflicts.push({ unit, variableId: j.variableId, coderId: j.coderId });
        if (earlier.rank <= rank) continue;
      }
      byCoder.set(j.coderId, { valueIds: j.valueIds, updatedAt: j.updatedAt, rank });
    } else if (consensusIds.has(j.coderId) && j.resolution) {
      const byVariable = consensus.get(unit) ?? new Map<string, FinalJudgement & { rank: number }>();
      consensus.set(unit, byVariable);
      const earlier = byVariable.get(j.variableId);
      if (!earlier || rank < earlier.rank) byVariable.set(j.variableId, { ...j, rank });
    }
  }

  const cells: FinalCell[] = [];
  const byUnit = new Map<string, Map<string, FinalCell>>();
  const counts: Record<Provenance, number> = { consensus: 0, agreed: 0, single: 0, unresolved: 0, unjudged: 0, derived: 0 };
  let complete = 0;
  let reopenedCount = 0;
  for (const { unit: u } of units) {
    const row = new Map<string, FinalCell>();
    byUnit.set(u.id, row);
    let whole = true;
    for (const v of coded) {
      const byCoder = human.get(u.id)?.get(v.id) ?? new Map<string, Entry>();
      const judged = humans.filter((c) => byCoder.has(c)).map((c) => ({ coderId: c, valueIds: byCoder.get(c)!.valueIds }));
      const c = consensus.get(u.id)?.get(v.id);
      const reopened = c?.resolution ? reopenedBy(c.resolution, c.valueIds, byCoder) : undefined;
      let cell: FinalCell;
      const order = (ids: readonly string[]) => v.values.map((x) => x.id).filter((id) => ids.includes(id));
      if (c?.resolution && !reopened) {
        cell = { unit: u.id, variableId: v.id, valueIds: order(c.valueIds), provenance: 'consensus', coders: judged, consensus: { reason: c.resolution.reason, resolvedAt: c.resolution.resolvedAt } };
      } else if (judged.length === 0) {
        cell = { unit: u.id, variableId: v.id, valueIds: [], provenance: 'unjudged', coders: judged };
      } else if (judged.every((x) => same(x.valueIds, judged[0]!.valueIds))) {
        cell = { unit: u.id, variableId: v.id, valueIds: order(judged[0]!.valueIds), provenance: judged.length === 1 ? 'single' : 'agreed', coders: judged };
      } else {
        cell = { unit: u.id, variableId: v.id, valueIds: [], provenance: 'unresolved', coders: judged };
      }
      if (reopened) {
        cell.reopened = reopened;
        reopenedCount++;
      }
      if (cell.valueIds.length === 0) whole = false;
      counts[cell.provenance]++;
      row.set(v.id, cell);
      cells.push(cell);
    }
    if (derived.length) {
      const values = new Map([...row].map(([id, cell]) => [id, cell.valueIds]));
      const computed = computeDerived(input.content, values);
      for (const v of derived) {
        const value = computed.get(v.id);
        const cell: FinalCell = { unit: u.id, variableId: v.id, valueIds: value ? [value] : [], provenance: 'derived', coders: [] };
        counts.derived++;
        row.set(v.id, cell);
        cells.push(cell);
      }
    }
    if (whole) complete++;
  }
  return {
    variables,
    units: units.map((u) => ({ id: u.unit.id, files: u.files.map((f) => f.id) })),
    cells,
    byUnit,
    summary: { units: units.length, complete, cells: counts, reopened: reopenedCount },
    excluded,
    twinConflicts,
  };
}

/** Provenance as shown to people (the exports write the English code word, e.g. `agreed`). */
export const PROVENANCE_TEXT: Record<Provenance, UserMessage> = {
  consensus: { sv: 'konsensus', en: 'consensus' },
  agreed: { sv: 'överens', en: 'agreed' },
  single: { sv: 'en kodare', en: 'single coder' },
  unresolved: { sv: 'olöst', en: 'unresolved' },
  unjudged: { sv: 'ej bedömd', en: 'not judged' },
  derived: { sv: 'härledd', en: 'derived' },
};

/**
 * The coder name of the final dataset's rows in the long export (`overens prevalence --coder
 * final` reads them); reserved, so no coder can be called that.
 */
export const FINAL_CODER_NAME = 'final';

/** The final dataset as prevalence input: one row per agreement and variable, the agreement's own file's attributes. */
export function finalPrevalenceInput(final: FinalDataset, documents: readonly { id: string; attributes: Readonly<Record<string, string>> }[]) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    documents: final.units.flatMap((u) => (byId.has(u.id) ? [{ id: u.id, attributes: byId.get(u.id)!.attributes }] : [])),
    judgements: final.cells.map((c) => ({ documentId: c.unit, variable: c.variableId, values: c.valueIds })),
    variables: final.variables.map((v) => ({ id: v.id, values: v.values.map((x) => x.id) })),
  };
}

export interface ReliabilityCounts {
  /** Agreements judged by two or more human coders (on at least one coded variable). */
  doubleCoded: number;
  /** Cells where the human coders' values differ. */
  disagreements: number;
  /** …of which a consensus in force decides. */
  resolved: number;
  /** Cells without a final value because the coders differ and no consensus is in force. */
  unresolved: number;
}

export function reliabilityCounts(final: FinalDataset): ReliabilityCounts {
  const doubled = new Set<string>();
  let disagreements = 0;
  let resolved = 0;
  let unresolved = 0;
  for (const cell of final.cells) {
    if (cell.provenance === 'derived') continue;
    if (cell.coders.length >= 2) doubled.add(cell.unit);
    const differ = cell.coders.some((c) => key(c.valueIds) !== key(cell.coders[0]!.valueIds));
    if (differ) {
      disagreements++;
      if (cell.provenance === 'consensus') resolved++;
    }
    if (cell.provenance === 'unresolved') unresolved++;
  }
  return { doubleCoded: doubled.size, disagreements, resolved, unresolved };
}
