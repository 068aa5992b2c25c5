/**
 * The consensus history as CSV: every decision (set, changed, withdrawn, re-opened by a changed
 * judgement) with who, when and why — `document,variable,action,value,previous_value,reason,by,
 * coders,at` (ISO 8601 UTC), in time order. Labels in the chosen language.
 */
import { localize, type CodebookContent, type Coder, type ConsensusEvent, type DocumentMeta, type Language } from '../core';
import { csvText } from './csv-table';
import { documentKey } from './dataset';

export function consensusHistoryCsv(events: readonly ConsensusEvent[], input: { content: CodebookContent; documents: readonly DocumentMeta[]; coders: readonly Coder[]; lang: Language }): string {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const coderName = (id: string | undefined) => (id ? (input.coders.find((c) => c.id === id)?.name ?? id) : '');
  const rows = [...events]
    .sort((a, b) => a.at - b.at)
    .map((e) => {
      const v = input.content.variables.find((x) => x.id === e.variableId);
      const labels = (ids: readonly string[]) => ids.map((id) => localize(v?.values.find((x) => x.id === id)?.label, input.lang) || id).join('; ');
      // A re-opening names the coders whose judgements changed, by id in the stored reason: by name here.
      const reason = e.action === 'reopened' ? e.coderIds.reduce((text, id) => text.split(id).join(coderName(id)), e.reason) : e.reason;
      const d = docs.get(e.documentId);
      return [d ? documentKey(d) : e.documentId, v ? localize(v.label, input.lang) : e.variableId, e.action, labels(e.valueIds), labels(e.previousValueIds), reason, coderName(e.byCoderId), e.coderIds.map(coderName).join('; '), new Date(e.at).toISOString()];
    });
  return csvText(['document', 'variable', 'action', 'value', 'previous_value', 'reason', 'by', 'coders', 'at'], rows, '\r\n');
}
