/**
 * Derived variables: computed from other variables' judgements, never coded by hand (e.g. the
 * Öppna jämförelser indicator "Aktuell överenskommelse", met when all four components are
 * "Ja"). Semantics as documented on `DerivedRule` in model/codebook.ts: a rule whose outcome the
 * judged components already decide is decided; otherwise an unjudged component makes it missing.
 */
import type { CodebookContent, DerivedRule, Variable } from '../model/codebook';

/** variableId → the value ids judged for it (empty or absent = not judged). */
export type JudgedValues = ReadonlyMap<string, readonly string[]>;

/** The value id a rule yields, or undefined when it is still missing. */
export function evaluateRule(rule: DerivedRule, judged: JudgedValues): string | undefined {
  let unjudged = false;
  let passes = 0;
  for (const c of rule.components) {
    const values = judged.get(c.variableId);
    if (!values || values.length === 0) {
      unjudged = true;
      continue;
    }
    const pass = values.some((v) => c.valueIds.includes(v));
    if (pass) passes++;
    if (rule.type === 'all' && !pass) return rule.otherwise;
    if (rule.type === 'any' && pass) return rule.then;
  }
  if (unjudged) return undefined;
  if (rule.type === 'all') return rule.then;
  return passes > 0 ? rule.then : rule.otherwise;
}

/** Derived variables in an order where every variable comes after the derived ones it uses. */
export function derivedOrder(content: CodebookContent): Variable[] {
  const byId = new Map(content.variables.map((v) => [v.id, v]));
  const ordered: Variable[] = [];
  const done = new Set<string>();
  const visit = (v: Variable) => {
    if (done.has(v.id) || !v.derived) return;
    done.add(v.id);
    for (const c of v.derived.components) {
      const dep = byId.get(c.variableId);
      if (dep) visit(dep);
    }
    ordered.push(v);
  };
  content.variables.forEach(visit);
  return ordered;
}

/**
 * Values of all derived variables for one coder and one document. Returns variableId → value id
 * (or undefined when missing); derived-of-derived rules see the values computed before them.
 * Judgements stored for a derived variable are ignored: derived values are always computed.
 */
export function computeDerived(content: CodebookContent, judged: JudgedValues): Map<string, string | undefined> {
  const derived = derivedOrder(content);
  const derivedIds = new Set(derived.map((v) => v.id));
  const values = new Map<string, readonly string[]>();
  for (const [k, v] of judged) if (!derivedIds.has(k)) values.set(k, v);
  const result = new Map<string, string | undefined>();
  for (const v of derived) {
    const value = evaluateRule(v.derived!, values);
    result.set(v.id, value);
    values.set(v.id, value === undefined ? [] : [value]);
  }
  return result;
}

/** Derived variables that depend, directly or through other derived ones, on `variableId`. */
export function dependentsOf(content: CodebookContent, variableId: string): Variable[] {
  const found = new Set<string>();
  let frontier = [variableId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const v of content.variables) {
      if (v.derived && !found.has(v.id) && v.derived.components.some((c) => frontier.includes(c.variableId))) {
        found.add(v.id);
        next.push(v.id);
      }
    }
    frontier = next;
  }
  return content.variables.filter((v) => found.has(v.id));
}
