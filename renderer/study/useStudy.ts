/**
 * The study as the views see it: the codebook version in use, documents, judgements and
 * assignments (live), the final dataset composed from them, and the active coder's blinding —
 * whether other coders' judgements and passages may be shown, and whether this coder is the
 * project lead (the only one who may change blinding). One composition, shared by the views.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assignment, CodebookVersion, Coder, DocumentMeta, Judgement, Project } from '../../src/core';
import { blindness, leadOf, openReliabilityAssignments, type Blindness } from '../../src/core/blinding';
import { composeFinalDataset, type FinalDataset } from '../../src/core/final-dataset';
import { useSession } from '../state/session';
import { useStore } from '../state/store-context';
import { useCodebookVersion } from '../views/coding/useCodingData';

export interface Study {
  project: Project;
  version: CodebookVersion;
  coders: Coder[];
  humans: Coder[];
  activeCoder: Coder | undefined;
  documents: DocumentMeta[];
  judgements: Judgement[];
  assignments: Assignment[];
  final: FinalDataset;
  /** Open reliability assignments per coder. */
  openReliability: Map<string, number>;
  /** The active coder's blinding. */
  blind: Blindness;
  lead: string | undefined;
  isLead: boolean;
}

/** The study, or undefined while loading (null when there is no project or codebook). */
export function useStudy(): Study | null | undefined {
  const store = useStore();
  const { project, coders, activeCoder } = useSession();
  const version = useCodebookVersion(store, project);
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project?.id]);
  const judgements = useLiveQuery(async () => (project ? store.codings.judgementsOfProject(project.id) : []), [store, project?.id]);
  const assignments = useLiveQuery(async () => (project ? store.study.assignments(project.id) : []), [store, project?.id]);
  const final = useMemo(
    () => (version && documents && judgements ? composeFinalDataset({ content: version.content, documents, coders, judgements, codebookVersionId: version.id }) : undefined),
    [version, documents, judgements, coders],
  );
  return useMemo(() => {
    if (project === null || version === null) return null;
    if (!project || !version || !documents || !judgements || !assignments || !final) return undefined;
    const coded = final.variables.filter((v) => !v.derived);
    const judged = new Map<string, Map<string, number>>();
    for (const cell of final.cells) {
      if (!coded.some((v) => v.id === cell.variableId)) continue;
      for (const c of cell.coders) {
        const perUnit = judged.get(c.coderId) ?? new Map<string, number>();
        perUnit.set(cell.unit, (perUnit.get(cell.unit) ?? 0) + 1);
        judged.set(c.coderId, perUnit);
      }
    }
    const openReliability = openReliabilityAssignments({ assignments, judged, codable: coded.length });
    const lead = leadOf(project.settings, coders);
    const blind = activeCoder ? blindness(project.settings, activeCoder.id, openReliability.get(activeCoder.id) ?? 0) : ({ blind: true, reason: 'coding' } as const);
    return {
      project,
      version,
      coders,
      humans: coders.filter((c) => c.kind === 'human'),
      activeCoder,
      documents,
      judgements,
      assignments,
      final,
      openReliability,
      blind,
      lead,
      isLead: activeCoder !== undefined && activeCoder.id === lead,
    };
  }, [project, version, documents, judgements, assignments, final, coders, activeCoder]);
}
