/**
 * The prevalence tables of the Results view, from the chosen source: the final dataset (the
 * default) or one coder's judgements (the consensus coder's too). Either way linked twins are
 * one agreement, derived variables are computed on the source's values, and the variables and
 * values follow the codebook's order.
 */
import { useMemo } from 'react';
import { composeFinalDataset, finalPrevalenceInput, type FinalDataset } from '../../../src/core/final-dataset';
import { prevalence, type VariablePrevalence } from '../../../src/core/prevalence';
import type { Study } from '../../study/useStudy';

/** 'final', or a coder's id. */
export type ResultsSource = string;
export const FINAL_SOURCE = 'final';

/** The dataset a source stands for: the final one, or one coder's judgements as if they were the only ones. */
export function sourceDataset(study: Study, source: ResultsSource): FinalDataset {
  if (source === FINAL_SOURCE) return study.final;
  return composeFinalDataset({
    content: study.version.content,
    documents: study.documents,
    coders: [{ id: source, kind: 'human' }],
    judgements: study.judgements.filter((j) => j.coderId === source).map(({ resolution: _r, ...j }) => j),
    codebookVersionId: study.version.id,
  });
}

export function useResultsTables(study: Study | null | undefined, source: ResultsSource, by: string | undefined): { tables: VariablePrevalence[]; dataset: FinalDataset | undefined } {
  return useMemo(() => {
    if (!study) return { tables: [], dataset: undefined };
    const dataset = sourceDataset(study, source);
    const input = finalPrevalenceInput(dataset, study.documents);
    // Codebook order: the variables as the codebook lists them (thematic ones are passage codes).
    const order = study.version.content.variables.filter((v) => v.kind !== 'thematic').map((v) => v.id);
    const variables = [...input.variables].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const tables = prevalence({ ...input, variables, by, groupOrder: by === 'level' ? ['county', 'local'] : undefined });
    return { tables, dataset };
  }, [study, source, by]);
}
