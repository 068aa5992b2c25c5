/**
 * The report's methods and reliability paragraphs, computed from the data so they tell the
 * truth: agreements in the dataset and per level, how the final values came about, how the
 * reliability sample was drawn, which agreements were double-coded, coefficient ranges, the
 * disagreements and how many a consensus resolved, what is still unresolved, and whether and
 * how coding was blind. Numbers in the UI language's format (decimal comma in Swedish).
 */
import type { BlindingEvent, Coder, Judgement, Project, ReliabilitySample } from '../../../src/core';
import { proposalsText } from '../../assist/report-text';
import { leadOf } from '../../../src/core/blinding';
import { isProposalEvent } from '../../../src/core/assist/safeguards';
import { reliabilityCounts, type FinalDataset } from '../../../src/core/final-dataset';
import { formatCoefficient, formatNumber } from '../../../src/core/number-format';
import type { Language } from '../../../src/core';
import type { Translate } from '../../i18n';
import type { ReliabilityAnalysis } from '../reliability/analysis';

export interface MethodsInput {
  project: Project;
  coders: readonly Coder[];
  versionNumber: number;
  /** The dataset the tables come from, and whose it is: the final one, or one coder's. */
  dataset: FinalDataset;
  source: { kind: 'final' } | { kind: 'coder'; name: string };
  /** Agreements per group of the split, e.g. [['Länsgemensamma…', 20], ['Lokala…', 4]]. */
  groups: [string, number][];
  samples: readonly ReliabilitySample[];
  blindingEvents: readonly BlindingEvent[];
  /** The project's judgements, and the version reported: for the paragraph on proposals (renderer/assist/report-text.ts). */
  proposals?: { judgements: readonly Judgement[]; codebookVersionId: string };
  lang: Language;
  t: Translate;
}

const date = (at: number) => new Date(at).toISOString().slice(0, 10);

export function methodsText(input: MethodsInput): string[] {
  const { t, lang, dataset } = input;
  const n = (x: number) => formatNumber(x, lang);
  const groups = input.groups.map(([label, count]) => `${n(count)} ${label.toLocaleLowerCase(lang === 'sv' ? 'sv' : 'en')}`).join(', ');
  const cells = dataset.summary.cells;
  const paragraphs: string[] = [];
  if (input.source.kind === 'final') {
    paragraphs.push(
      t('report.methodsFinal', {
        units: n(dataset.summary.units),
        groups: groups ? ` (${groups})` : '',
        version: input.versionNumber,
        consensus: n(cells.consensus),
        agreed: n(cells.agreed),
        single: n(cells.single),
        unresolved: n(cells.unresolved),
        unjudged: n(cells.unjudged),
      }),
    );
  } else {
    paragraphs.push(t('report.methodsCoder', { units: n(dataset.summary.units), groups: groups ? ` (${groups})` : '', version: input.versionNumber, who: input.source.name }));
  }
  paragraphs.push(t('report.percentages', { date: date(Date.now()) }));
  paragraphs.push(blindingText(input));
  const proposals = input.proposals && proposalsText({ ...input, ...input.proposals });
  if (proposals) paragraphs.push(proposals);
  return paragraphs;
}

/** Whether and how coding was blind, from the settings and the lead's recorded changes. */
export function blindingText(input: Pick<MethodsInput, 'project' | 'coders' | 'blindingEvents' | 't'>): string {
  const { project, coders, t } = input;
  const name = (id: string | undefined) => coders.find((c) => c.id === id)?.name ?? '—';
  const lead = name(leadOf(project.settings, coders));
  const startedBlind = input.blindingEvents.find((e) => e.scope === 'coding')?.from ?? (project.settings.blindCoding ? 'blind' : 'open');
  const first = startedBlind === 'blind' ? t('report.blindOn', { lead }) : t('report.blindOff', { lead });
  // The lead's proposal changes are recorded with blinding's but reported in their own paragraph.
  const changes = input.blindingEvents.filter((e) => !isProposalEvent(e)).map((e) => {
    const what =
      e.scope === 'stage'
        ? t(e.to === 'review' ? 'report.blindEventReview' : 'report.blindEventCoding')
        : e.scope === 'coder'
          ? t('report.blindEventCoder', { coder: name(e.coderId), to: t(`report.blindState.${e.to as 'blind' | 'open' | 'stage'}`) })
          : t('report.blindEventStage', { stage: t(`report.stage.${e.scope as 'coding' | 'review'}`), to: t(`report.blindState.${e.to as 'blind' | 'open'}`) });
    return `${date(e.at)}: ${what} (${name(e.byCoderId)})`;
  });
  return changes.length ? `${first} ${t('report.blindChanges', { changes: changes.join('; ') })}` : `${first} ${t('report.blindNoChanges')}`;
}

export interface ReliabilityTextInput {
  analysis: ReliabilityAnalysis;
  coderNames: string[];
  sample: boolean;
  versionNumber: number;
  final: FinalDataset;
  samples: readonly ReliabilitySample[];
  lang: Language;
  t: Translate;
}

export function reliabilityText(input: ReliabilityTextInput): string[] {
  const { analysis, t, lang } = input;
  const n = (x: number) => formatNumber(x, lang);
  const c = (x: number | null) => formatCoefficient(x, lang);
  const alphas = analysis.report.variables.flatMap((r) => (r.krippendorff_alpha === null ? [] : [r.krippendorff_alpha]));
  const counts = reliabilityCounts(input.final);
  const out: string[] = [];
  const sample = input.samples[input.samples.length - 1];
  if (sample) {
    out.push(
      t(sample.mode === 'n' ? 'report.sampleN' : 'report.samplePercent', {
        size: n(sample.documentIds.length),
        population: n(sample.population),
        amount: formatNumber(sample.amount, lang, Number.isInteger(sample.amount) ? 0 : 1),
        strata: sample.stratum ? t('report.sampleStrata', { stratum: sample.stratum }) : '',
        seed: sample.seed,
        date: date(sample.drawnAt),
      }),
    );
  }
  out.push(
    t('report.reliabilityMethods', {
      coders: input.coderNames.join(', '),
      documents: n(analysis.documents),
      sample: input.sample ? t('report.reliabilitySample') : '',
      version: input.versionNumber,
      coefficients: input.coderNames.length === 2 ? t('report.coefficientsTwo') : t('report.coefficientsMany'),
      min: c(alphas.length ? Math.min(...alphas) : null),
      max: c(alphas.length ? Math.max(...alphas) : null),
      pooled: c(analysis.report.pooled.krippendorff_alpha),
      reliable: n(alphas.filter((a) => a >= 0.8).length),
      variables: n(analysis.report.variables.length),
      threshold: c(0.8),
    }),
  );
  out.push(t('report.disagreements', { double: n(counts.doubleCoded), disagreements: n(counts.disagreements), resolved: n(counts.resolved), unresolved: n(counts.unresolved) }));
  return out;
}
