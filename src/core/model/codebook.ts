/**
 * The codebook (analysis template) as qualitative content analysis uses it (Mayring; Kuckartz):
 * main categories (variables) with mutually exclusive subcategories (values), each with a
 * definition, anchor examples and coding rules. A codebook has numbered versions; a published
 * version is immutable and every coding references the version it was made under.
 */
import { z } from 'zod';
import { Colour, Id, Key, LocalizedNote, LocalizedText, Timestamp } from './common';

export const AnchorExample = z
  .object({
    /** The quoted passage that exemplifies the value. */
    text: z.string().min(1, 'anchor example must not be empty'),
    /** Where it comes from (document, page) — free text. */
    source: z.string().optional(),
  })
  .strict();
export type AnchorExample = z.infer<typeof AnchorExample>;

export const Value = z
  .object({
    /** Stable across versions; codings reference it. */
    id: Id,
    key: Key,
    label: LocalizedText,
    definition: LocalizedNote.default({}),
    anchors: z.array(AnchorExample).default([]),
    codingRule: LocalizedNote.default({}),
    /** Words or phrases whose occurrence suggests a passage for this value (case-insensitive). */
    indicatorTerms: z.array(z.string().trim().min(1)).default([]),
    colour: Colour,
    /** The value that means "not present in the document" (Nej, Framgår ej). At most one per variable. */
    absent: z.boolean().default(false),
    /** Numeric score for interval/ratio variables; ordinal order is the order of `values`. */
    score: z.number().finite().optional(),
  })
  .strict();
export type Value = z.infer<typeof Value>;

export const VariableKind = z.enum(['single', 'multi', 'thematic']);
export type VariableKind = z.infer<typeof VariableKind>;

export const MeasurementLevel = z.enum(['nominal', 'ordinal', 'interval', 'ratio']);
export type MeasurementLevel = z.infer<typeof MeasurementLevel>;

/**
 * A derived variable is computed from other variables' judgements, never coded by hand.
 * `all`: `then` when every component's value is one of its `valueIds`; `any`: when at least one is.
 * Otherwise `otherwise`. If a component is not yet judged the result is missing, except that
 * `all` is already `otherwise` as soon as one judged component fails (and `any` already `then`
 * when one judged component passes) — the unjudged ones cannot change the outcome.
 */
export const DerivedRule = z
  .object({
    type: z.enum(['all', 'any']),
    components: z
      .array(z.object({ variableId: Id, valueIds: z.array(Id).min(1) }).strict())
      .min(1, 'a derived rule needs at least one component'),
    then: Id,
    otherwise: Id,
  })
  .strict();
export type DerivedRule = z.infer<typeof DerivedRule>;

export const Variable = z
  .object({
    id: Id,
    key: Key,
    label: LocalizedText,
    groupId: Id.optional(),
    description: LocalizedNote.default({}),
    codingRule: LocalizedNote.default({}),
    kind: VariableKind,
    level: MeasurementLevel.default('nominal'),
    values: z.array(Value),
    derived: DerivedRule.optional(),
    /** Where the variable comes from, e.g. "Vårdanalys 2017:1, Bilaga 2, tabell 18". */
    source: z.string().optional(),
    /**
     * How the REFI-QDA parent code it was imported from was marked, written back on export: codable
     * (ATLAS.ti, MAXQDA) and its colour, also when nothing was coded on the parent itself.
     */
    exchange: z.object({ codable: z.boolean().optional(), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional() }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ids = new Set<string>();
    const keys = new Set<string>();
    v.values.forEach((val, i) => {
      if (ids.has(val.id)) ctx.addIssue({ code: 'custom', path: ['values', i, 'id'], message: `duplicate value id "${val.id}"` });
      if (keys.has(val.key)) ctx.addIssue({ code: 'custom', path: ['values', i, 'key'], message: `duplicate value key "${val.key}"` });
      ids.add(val.id);
      keys.add(val.key);
    });
    if (v.values.filter((val) => val.absent).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'at most one value may be the "absent" value' });
    }
    if (v.kind !== 'thematic' && v.values.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${v.kind} variable needs at least two values` });
    }
    if ((v.level === 'interval' || v.level === 'ratio') && v.values.some((val) => val.score === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `every value of an ${v.level} variable needs a numeric score` });
    }
    if (v.derived) {
      if (v.kind !== 'single') ctx.addIssue({ code: 'custom', path: ['derived'], message: 'only single variables can be derived' });
      for (const target of ['then', 'otherwise'] as const) {
        if (!ids.has(v.derived[target])) {
          ctx.addIssue({ code: 'custom', path: ['derived', target], message: `"${v.derived[target]}" is not a value of this variable` });
        }
      }
      if (v.derived.components.some((c) => c.variableId === v.id)) {
        ctx.addIssue({ code: 'custom', path: ['derived', 'components'], message: 'a derived variable cannot depend on itself' });
      }
    }
  });
export type Variable = z.infer<typeof Variable>;

export const VariableGroup = z
  .object({ id: Id, key: Key, label: LocalizedText, description: LocalizedNote.default({}) })
  .strict();
export type VariableGroup = z.infer<typeof VariableGroup>;

/** What changed between a version and the one it was based on. Drives diff and migration. */
export const VersionChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('added'), variableId: Id, valueId: Id.optional() }).strict(),
  z.object({ type: z.literal('renamed'), variableId: Id, valueId: Id.optional(), from: LocalizedText, to: LocalizedText }).strict(),
  z.object({ type: z.literal('redefined'), variableId: Id, valueId: Id.optional() }).strict(),
  z.object({ type: z.literal('merged'), variableId: Id, from: z.array(Id).min(1), into: Id }).strict(),
  z.object({ type: z.literal('split'), variableId: Id, from: Id, into: z.array(Id).min(2) }).strict(),
  z.object({ type: z.literal('removed'), variableId: Id, valueId: Id.optional() }).strict(),
]);
export type VersionChange = z.infer<typeof VersionChange>;

/** The content of one codebook version: what a template file holds and what a version stores. */
export const CodebookContent = z
  .object({
    groups: z.array(VariableGroup).default([]),
    variables: z.array(Variable),
  })
  .strict()
  .superRefine((c, ctx) => {
    const groupIds = new Set(c.groups.map((g) => g.id));
    const varIds = new Set<string>();
    const varKeys = new Set<string>();
    const valueIdsByVariable = new Map<string, Set<string>>();
    c.variables.forEach((v, i) => {
      if (varIds.has(v.id)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'id'], message: `duplicate variable id "${v.id}"` });
      if (varKeys.has(v.key)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'key'], message: `duplicate variable key "${v.key}"` });
      varIds.add(v.id);
      varKeys.add(v.key);
      valueIdsByVariable.set(v.id, new Set(v.values.map((val) => val.id)));
      if (v.groupId !== undefined && !groupIds.has(v.groupId)) {
        ctx.addIssue({ code: 'custom', path: ['variables', i, 'groupId'], message: `unknown group "${v.groupId}"` });
      }
    });
    c.variables.forEach((v, i) => {
      v.derived?.components.forEach((comp, j) => {
        const valueIds = valueIdsByVariable.get(comp.variableId);
        const path = ['variables', i, 'derived', 'components', j];
        if (!valueIds) {
          ctx.addIssue({ code: 'custom', path: [...path, 'variableId'], message: `unknown variable "${comp.variableId}"` });
          return;
        }
        comp.valueIds.forEach((valueId, k) => {
          if (!valueIds.has(valueId)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'valueIds', k], message: `"${valueId}" is not a value of variable "${comp.variableId}"` });
          }
        });
      });
    });
    const derivedCycle = findDerivedCycle(c.variables);
    if (derivedCycle) ctx.addIssue({ code: 'custom', path: ['variables'], message: `derived variables form a cycle: ${derivedCycle.join(' → ')}` });
  });
export type CodebookContent = z.infer<typeof CodebookContent>;

function findDerivedCycle(variables: readonly Variable[]): string[] | undefined {
  const deps = new Map(variables.map((v) => [v.id, v.derived?.components.map((c) => c.variableId) ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of deps.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** A shipped or exported analysis template: a codebook's metadata plus one version's content. */
export const CodebookTemplate = z
  .object({
    format: z.literal('overens-codebook'),
    formatVersion: z.literal(1),
    id: Id,
    name: LocalizedText,
    description: LocalizedNote.default({}),
    /** Bibliographic source of the template. */
    source: z.string().optional(),
    language: z.enum(['sv', 'en']).default('sv'),
    content: CodebookContent,
  })
  .strict();
export type CodebookTemplate = z.infer<typeof CodebookTemplate>;

export const Codebook = z
  .object({
    id: Id,
    projectId: Id,
    name: LocalizedText,
    description: LocalizedNote.default({}),
    /** The template it was created from, if any. */
    templateId: Id.optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .strict();
export type Codebook = z.infer<typeof Codebook>;

export const CodebookVersion = z
  .object({
    id: Id,
    codebookId: Id,
    projectId: Id,
    /** 1, 2, 3 … in order of creation within the codebook. */
    number: z.number().int().positive(),
    status: z.enum(['draft', 'published']),
    createdAt: Timestamp,
    publishedAt: Timestamp.optional(),
    /** The version this one was derived from; `changes` are relative to it. */
    basedOnVersionId: Id.optional(),
    note: z.string().default(''),
    content: CodebookContent,
    changes: z.array(VersionChange).default([]),
  })
  .strict()
  .refine((v) => (v.status === 'published') === (v.publishedAt !== undefined), {
    message: 'a published version has a publishedAt time and a draft has none',
    path: ['publishedAt'],
  });
export type CodebookVersion = z.infer<typeof CodebookVersion>;
