/**
 * Prevalence: per variable, the count and percent of documents with each value, split by a
 * document attribute (e.g. level: county vs local), as in Vårdanalys 2017:1, Bilaga 2.
 * - The denominator `n` is the documents of the group that have a value for the variable;
 *   documents without one are counted as `missing`, never silently dropped.
 * - For multi-valued variables a document counts once per value it has (percents may sum > 100).
 * - Values listed in codebook order when the variable's values are given (zero counts included),
 *   otherwise in order of first appearance. Documents lacking the attribute form the group "".
 * - Percent is 0–100 and unrounded.
 */

export interface PrevalenceDocument {
  id: string;
  attributes: Readonly<Record<string, string>>;
}

export interface PrevalenceJudgement {
  documentId: string;
  variable: string;
  /** One or more values; empty = not coded. */
  values: readonly string[];
}

export interface PrevalenceVariable {
  id: string;
  /** Value labels in codebook order. */
  values: readonly string[];
}

export interface ValueCount {
  value: string;
  count: number;
  percent: number | null;
}

export interface PrevalenceGroup {
  group: string;
  /** Documents with a value. */
  n: number;
  /** Documents in the group without a value. */
  missing: number;
  values: ValueCount[];
}

export interface VariablePrevalence {
  variable: string;
  groups: PrevalenceGroup[];
}

export interface PrevalenceInput {
  documents: readonly PrevalenceDocument[];
  judgements: readonly PrevalenceJudgement[];
  /** Variables in order, with their values; variables only in judgements are appended. */
  variables?: readonly PrevalenceVariable[];
  /** Attribute to split by; omitted = one group "all". */
  by?: string;
  /** Group order (e.g. ['county', 'local']); others follow in order of appearance. */
  groupOrder?: readonly string[];
}

export const ALL_GROUP = 'all';

export function prevalence(input: PrevalenceInput): VariablePrevalence[] {
  const groupOf = (d: PrevalenceDocument) => (input.by === undefined ? ALL_GROUP : (d.attributes[input.by] ?? ''));
  const groupNames: string[] = [...(input.groupOrder ?? [])];
  const docsByGroup = new Map<string, string[]>();
  for (const d of input.documents) {
    const g = groupOf(d);
    if (!groupNames.includes(g)) groupNames.push(g);
    const list = docsByGroup.get(g) ?? [];
    list.push(d.id);
    docsByGroup.set(g, list);
  }
  const known = new Set(input.documents.map((d) => d.id));
  // variable → document → values
  const byVariable = new Map<string, Map<string, readonly string[]>>();
  for (const j of input.judgements) {
    if (!known.has(j.documentId)) continue;
    let docs = byVariable.get(j.variable);
    if (!docs) byVariable.set(j.variable, (docs = new Map()));
    docs.set(j.documentId, j.values);
  }
  const variables: PrevalenceVariable[] = [...(input.variables ?? [])];
  for (const v of byVariable.keys()) if (!variables.some((x) => x.id === v)) variables.push({ id: v, values: [] });

  return variables.map((variable) => {
    const docs = byVariable.get(variable.id) ?? new Map<string, readonly string[]>();
    const order = [...variable.values];
    for (const values of docs.values()) for (const v of values) if (!order.includes(v)) order.push(v);
    const groups = groupNames
      .filter((g) => docsByGroup.has(g))
      .map((group): PrevalenceGroup => {
        const ids = docsByGroup.get(group)!;
        const counts = new Map<string, number>();
        let n = 0;
        let missing = 0;
        for (const id of ids) {
          const values = docs.get(id);
          if (!values || values.length === 0) {
            missing++;
            continue;
          }
          n++;
          for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        return {
          group,
          n,
          missing,
          values: order.map((value) => {
            const count = counts.get(value) ?? 0;
            return { value, count, percent: n === 0 ? null : (100 * count) / n };
          }),
        };
      });
    return { variable: variable.id, groups };
  });
}
