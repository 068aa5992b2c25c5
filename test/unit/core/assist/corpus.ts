/**
 * A small generated corpus for the assist engine's tests. Each document is filler sentences in a
 * seeded order plus, per variable, the sentence its drawn value is written with — so the right
 * value of every document is known by construction (that is where every expected value in these
 * tests comes from). Three variables:
 * - `lvm` (Ja / Nej), indicator term "LVM": Ja is written "Vård enligt LVM planeras gemensamt av
 *   parterna."; Nej has no such sentence.
 * - `polis` (Samarbetspart / Benämns / Nej), term "Polisen" for both non-absent values: the two
 *   are told apart only by what the sentence naming the police says.
 * - `tolk` (Ja / Nej), no indicator terms at all: only the coders' judgements or passages can
 *   teach it ("Tolk bokas av den verksamhet som kallar till mötet.").
 */
import { seededRandom } from '../../../../src/core/agreement/bootstrap';
import type { Value, Variable } from '../../../../src/core/model/codebook';

const value = (id: string, label: string, terms: string[] = [], absent = false): Value => ({ id, key: id.replace(/\W/g, '_'), label: { sv: label }, definition: {}, anchors: [], codingRule: {}, indicatorTerms: terms, colour: '#1f77b4', absent });
const variable = (id: string, label: string, values: Value[]): Variable => ({ id, key: id, label: { sv: label }, description: {}, codingRule: {}, kind: 'single', level: 'nominal', values });

export const VARIABLES: Variable[] = [
  variable('lvm', 'LVM', [value('lvm.ja', 'Ja', ['LVM']), value('lvm.nej', 'Nej', [], true)]),
  variable('polis', 'Polisen', [value('polis.part', 'Ja, samarbetspart', ['Polisen']), value('polis.namn', 'Benämns', ['Polisen']), value('polis.nej', 'Nej', [], true)]),
  variable('tolk', 'Tolk', [value('tolk.ja', 'Ja'), value('tolk.nej', 'Nej', [], true)]),
];

export const SENTENCES: Record<string, string> = {
  'lvm.ja': 'Vård enligt LVM planeras gemensamt av parterna.',
  'polis.part': 'Polisen deltar i samverkansforumet och är part i de lokala rutinerna.',
  'polis.namn': 'Även Polisen har ett ansvar för personer i målgruppen.',
  'tolk.ja': 'Tolk bokas av den verksamhet som kallar till mötet.',
};

const FILLER = [
  'Samverkan ska präglas av ömsesidig respekt för varandras uppdrag.',
  'Parterna ska verka för att kunskapen om beroende ökar hos personalen.',
  'Sekretess och samtycke hanteras enligt gällande lagstiftning.',
  'Lokala rutiner tas fram i varje kommun tillsammans med vårdcentralerna.',
  'Den enskildes delaktighet ska beaktas i alla delar av processen.',
  'Information om överenskommelsen sprids till alla berörda verksamheter.',
  'Gemensam kompetensutveckling erbjuds årligen i motiverande samtal.',
  'Insatserna ska utgå från den enskildes behov och vara samordnade.',
];

export interface GeneratedDocument {
  id: string;
  text: string;
  /** variable id → value id, as written. */
  truth: Record<string, string>;
}

export function generate(count: number, seed = 1, prefix = 'doc'): GeneratedDocument[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const truth = Object.fromEntries(VARIABLES.map((v) => [v.id, pick(v.values).id]));
    const sentences = FILLER.filter(() => random() < 0.6);
    for (const valueId of Object.values(truth)) if (SENTENCES[valueId]) sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, SENTENCES[valueId]!);
    const paragraphs = ['Överenskommelse om samverkan', ...sentences];
    return { id: `${prefix}${String(i + 1).padStart(3, '0')}`, text: paragraphs.join('\n\n'), truth };
  });
}

export const judgementsOf = (docs: readonly GeneratedDocument[], variables: readonly string[] = VARIABLES.map((v) => v.id)) =>
  docs.flatMap((d) => variables.map((variableId) => ({ documentId: d.id, variableId, valueId: d.truth[variableId]! })));
