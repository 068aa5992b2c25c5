// The shipped analysis templates validate, and the Vårdanalys template has exactly the variables
// and value labels of Vårdanalys 2017:1 "Att komma överens", Bilaga 2, tables 18–52.
import { describe, expect, it } from 'vitest';
import { CodebookTemplate, localize } from '../../../src/core';
import { SHIPPED_TEMPLATES, getTemplate } from '../../../src/core/codebook';
import vardanalysJson from '../../../codebook/vardanalys-2017.json';

/** Table number → [variable label, value labels] as printed in Bilaga 2 (", %" suffix dropped). */
const BILAGA_2: Record<number, [string, string[]]> = {
  18: ['Gemensamma mål', ['Ja, tydliga mål', 'Ja, vaga mål', 'Nej']],
  19: ['Ansvarsfördelning mellan kommun och landsting', ['Ja', 'Nej']],
  20: ['Ansvarsfördelning inom kommun', ['Ja', 'Nej']],
  21: ['Ansvarsfördelning inom landsting', ['Ja', 'Nej']],
  22: ['Psykologisk och psykosocial behandling', ['Båda', 'Framgår ej', 'Kommunen', 'Landstinget']],
  23: ['Finansiellt ansvar', ['Delvis', 'Ja', 'Nej']],
  24: ['Att samverka', ['Ja', 'Nej']],
  25: ['Hur samverka', ['Ja', 'Nej']],
  26: ['Samverkan inom landstinget', ['Ja', 'Nej']],
  27: ['Samverkan inom kommunen', ['Ja', 'Nej']],
  28: ['Samverkan hur arbetar med SIP', ['Ja', 'Nej']],
  29: ['Under 18 år', ['Ja', 'Nej']],
  30: ['LVU', ['Ja', 'Nej']],
  31: ['LVM', ['Ja', 'Nej']],
  32: ['Barn i familjer m missbruk', ['Ja', 'Nej']],
  33: ['Gravida kvinnor', ['Ja', 'Nej']],
  34: ['Samsjuklighet', ['Ja', 'Nej']],
  35: ['Rutin för tvister', ['Ja, men otydlig hantering', 'Ja, tydlig hantering', 'Nej']],
  // Table 36 prints only "Ja" (100 % in both groups); the template adds "Nej" so it can be coded.
  36: ['SKL:s checklista', ['Ja', 'Nej']],
  37: ['Nationella riktlinjer', ['Ja, omnämns', 'Ja, utgör utgångspunkt, vägledning eller underlag', 'Nej']],
  38: ['Prop. 2012/13:77', ['Ja, omnämns', 'Ja, utgör utgångspunkt, vägledning eller underlag', 'Nej']],
  39: ['SOU 2011:35', ['Ja, omnämns', 'Ja, utgör utgångspunkt, vägledning eller underlag', 'Nej']],
  40: ['Prop. 2010/11:47 eller Skr. 2015/16:86 (ANDT-strategier)', ['Ja, omnämns', 'Ja, utgör utgångspunkt, vägledning eller underlag', 'Nej']],
  41: ['Spelmissbruk', ['Ja', 'Nej']],
  42: ['Barnperspektiv', ['Ja', 'Nej']],
  43: ['Jämställdhetsperspektiv', ['Ja', 'Nej']],
  44: ['Kriminalvården', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']],
  45: ['SiS', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']],
  46: ['Polisen', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']],
  47: ['Försäkringskassan', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']],
  48: ['Arbetsförmedlingen', ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej']],
  49: ['Har brukarorganisationer fått möjlighet att lämna synpunkter?', ['Framgår ej', 'Ja', 'Nej']],
  50: ['Har brukarorganisationer fått möjlighet att påverka innehållet i överenskommelser?', ['Framgår ej', 'Ja', 'Nej']],
  51: ['Framgår att överenskommelse ska följas upp?', ['Ja', 'Nej']],
  // The report prints "Landsfinget", a misprint for Landstinget.
  52: ['Framgår vilken part som ansvarar för uppföljningen?', ['Båda', 'Framgår ej', 'Landstinget', 'Kommunen']],
};

/** The 19 variables and value sets of the synthetic corpus' truth.csv (shared/corpus/synthetic). */
const TRUTH_CSV: Record<string, string[]> = {
  'Ansvarsfördelning mellan kommun och landsting': ['Ja', 'Nej'],
  Arbetsförmedlingen: ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej'],
  'Barn i familjer m missbruk': ['Ja', 'Nej'],
  Brukarmedverkan: ['Ja', 'Nej'],
  'Finansiellt ansvar': ['Delvis', 'Ja', 'Nej'],
  Försäkringskassan: ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej'],
  'Gemensamma mål': ['Ja, tydliga mål', 'Ja, vaga mål', 'Nej'],
  'Gravida kvinnor': ['Ja', 'Nej'],
  Kriminalvården: ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej'],
  LVM: ['Ja', 'Nej'],
  LVU: ['Ja', 'Nej'],
  'Nationella riktlinjer': ['Ja, omnämns', 'Ja, utgör utgångspunkt, vägledning eller underlag', 'Nej'],
  Polisen: ['Benämns, men ej samverkan/samarbete', 'Ja, samarbetspart', 'Nej'],
  'Rutin för tvister': ['Ja, men otydlig hantering', 'Ja, tydlig hantering', 'Nej'],
  Samsjuklighet: ['Ja', 'Nej'],
  'Samverkan hur arbetar med SIP': ['Ja', 'Nej'],
  Spelmissbruk: ['Ja', 'Nej'],
  'Under 18 år': ['Ja', 'Nej'],
  Uppföljning: ['Ja, med indikatorer', 'Ja, utan indikatorer', 'Nej'],
};

const vardanalys = getTemplate('vardanalys-2017')!;
const variablesByLabel = new Map(vardanalys.content.variables.map((v) => [v.label.sv, v]));

describe('shipped templates', () => {
  it('all validate against the schema and have unique ids', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.id)).toEqual(['vardanalys-2017', 'oppna-jamforelser-2019', 'blank']);
    for (const t of SHIPPED_TEMPLATES) expect(CodebookTemplate.safeParse(t).success).toBe(true);
    expect(getTemplate('blank')?.content.variables).toEqual([]);
    expect(getTemplate('nope')).toBeUndefined();
  });

  it('reject a broken copy with a problem at the right path', () => {
    const broken = structuredClone(vardanalysJson);
    broken.content.variables[0]!.values[1]!.id = broken.content.variables[0]!.values[0]!.id;
    const result = CodebookTemplate.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['content', 'variables', 0, 'values', 1, 'id']);
  });
});

describe('vardanalys-2017 (Vårdanalys 2017:1, Bilaga 2, tables 18–52)', () => {
  it.each(Object.entries(BILAGA_2))('table %s is a variable with exactly the report\'s value labels', (table, [label, values]) => {
    const variable = variablesByLabel.get(label);
    expect(variable, `variable "${label}"`).toBeDefined();
    expect(variable!.values.map((v) => v.label.sv).sort()).toEqual([...values].sort());
    expect(variable!.source).toContain(`tabell ${table}`);
    expect(variable!.kind).toBe('single');
  });

  it('has every truth.csv variable and value of the synthetic corpus, by exact Swedish label', () => {
    for (const [label, values] of Object.entries(TRUTH_CSV)) {
      const variable = variablesByLabel.get(label);
      expect(variable, label).toBeDefined();
      expect(variable!.values.map((v) => v.label.sv).sort(), label).toEqual([...values].sort());
    }
  });

  it('groups variables as chapter 6 does, all in Swedish with English alongside', () => {
    expect(vardanalys.content.groups.map((g) => g.key)).toEqual([
      'responsibility', 'collaboration', 'goals', 'disputes', 'target_groups', 'perspectives', 'authorities', 'user_participation', 'follow_up', 'guidance',
    ]);
    for (const v of vardanalys.content.variables) {
      expect(v.groupId, v.key).toBeDefined();
      expect(v.label.en, v.key).toBeTruthy();
      expect(v.description.sv && v.description.en, v.key).toBeTruthy();
      for (const val of v.values) {
        expect(val.label.en, `${v.key}.${val.key}`).toBeTruthy();
        expect(val.definition.sv && val.definition.en, `${v.key}.${val.key}`).toBeTruthy();
      }
      // Every variable has terms that suggest passages for its present values.
      expect(v.values.flatMap((val) => val.indicatorTerms).length, v.key).toBeGreaterThan(0);
    }
  });

  it('marks exactly one absent value per variable: "Framgår ej" where the report has it, else "Nej"', () => {
    for (const v of vardanalys.content.variables) {
      const absent = v.values.filter((val) => val.absent).map((val) => val.label.sv);
      const expected = v.values.some((val) => val.label.sv === 'Framgår ej') ? 'Framgår ej' : 'Nej';
      expect(absent, v.key).toEqual([expected]);
    }
  });

  it('keeps the report\'s definitions', () => {
    const goals = variablesByLabel.get('Gemensamma mål')!;
    expect(goals.values.find((v) => v.key === 'ja_tydliga')?.definition.sv).toMatch(/mätbara mål kopplade till aktiviteter och indikatorer/i);
    expect(goals.values.find((v) => v.key === 'ja_vaga')?.definition.sv).toMatch(/visionära mål eller skrivningar från lagtext/);
    expect(localize(variablesByLabel.get('Jämställdhetsperspektiv')!.codingRule, 'sv')).toMatch(/inte kvinnor som målgrupp/);
    expect(localize(variablesByLabel.get('Polisen')!.codingRule, 'en')).toMatch(/Named = .*Partner = /s);
  });

  it('uses keys that are valid R/SPSS/Stata column names, unique within the template', () => {
    const keys = vardanalys.content.variables.map((v) => v.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

describe('oppna-jamforelser-2019 (Socialstyrelsen, Öppna jämförelser 2019; Vårdanalys 2017:1 figur 12)', () => {
  const oj = getTemplate('oppna-jamforelser-2019')!;
  it('has the four Ja/Nej components and the derived indicator over all four', () => {
    const components = oj.content.variables.filter((v) => !v.derived);
    expect(components.map((v) => v.key)).toEqual(['gemensamma_mal', 'resurs_ansvar', 'rutiner_samarbete', 'uppfoljning_senaste_aret']);
    for (const c of components) expect(c.values.map((v) => v.label.sv)).toEqual(['Ja', 'Nej']);
    const indicator = oj.content.variables.find((v) => v.derived)!;
    expect(indicator.label.sv).toBe('Aktuell överenskommelse med regionen');
    expect(indicator.derived?.type).toBe('all');
    expect(indicator.derived?.components.map((c) => c.variableId)).toEqual(components.map((c) => c.id));
    expect(indicator.derived?.components.map((c) => c.valueIds)).toEqual(components.map((c) => [`${c.id}.ja`]));
  });
});
