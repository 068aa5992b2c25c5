/**
 * Who codes what, and how far each coder is: assign agreements in bulk (all, those without a
 * primary coder, or by an attribute's value) as primary or reliability coder; progress per coder
 * (primary for, reliability, judged, final, open reliability assignments); and deleting a coder —
 * refused with the counts while their judgements feed the final dataset, otherwise their
 * assignments move to another coder after confirmation.
 */
import { useMemo, useState } from 'react';
import type { AssignmentRole } from '../../../src/core';
import { coderProgress, effectivePrimary } from '../../../src/core/assignment';
import { formatNumber } from '../../../src/core/number-format';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import { useStudy } from '../../study/useStudy';

export function AssignmentCard() {
  const { t, lang } = useI18n();
  const store = useStore();
  const { reportError, inform } = useNotices();
  const study = useStudy();
  const [coderId, setCoderId] = useState('');
  const [role, setRole] = useState<AssignmentRole>('primary');
  const [which, setWhich] = useState('all');
  const [reassign, setReassign] = useState<Record<string, string>>({});
  const units = useMemo(() => (study ? study.documents.filter((d) => !d.twin) : []), [study]);
  const firstJudged = useMemo(() => {
    const first = new Map<string, { coderId: string; at: number }>();
    if (!study) return new Map<string, string>();
    const humans = new Set(study.humans.map((c) => c.id));
    const unit = new Map(study.final.units.flatMap((u) => u.files.map((f) => [f, u.id] as const)));
    for (const j of study.judgements) {
      const u = unit.get(j.documentId);
      if (!u || !humans.has(j.coderId) || j.valueIds.length === 0) continue;
      const seen = first.get(u);
      if (!seen || j.createdAt < seen.at) first.set(u, { coderId: j.coderId, at: j.createdAt });
    }
    return new Map([...first].map(([u, x]) => [u, x.coderId]));
  }, [study]);
  if (!study || units.length === 0) return null;
  const n = (x: number) => formatNumber(x, lang);
  const primary = effectivePrimary(units.map((d) => d.id), study.assignments, firstJudged);
  const progress = coderProgress({ coders: study.humans.map((c) => c.id), final: study.final, assignments: study.assignments, firstJudged });
  const attributeValues = [...new Set(units.flatMap((d) => Object.entries(d.attributes).filter(([k, v]) => k !== 'urval' && v !== '' && k !== 'title').map(([k, v]) => `${k}=${v}`)))].sort();
  const chosenCoder = study.humans.find((c) => c.id === coderId) ?? study.humans[0];
  const selected = units.filter((d) => {
    if (which === 'all') return true;
    if (which === 'unassigned') return !primary.has(d.id);
    const [k, v] = which.split('=') as [string, string];
    return d.attributes[k] === v;
  });
  const assign = async () => {
    if (!chosenCoder || selected.length === 0) return;
    try {
      const count = await store.study.assign(study.project.id, selected.map((d) => d.id), chosenCoder.id, role);
      inform('assign.done', { count, coder: chosenCoder.name });
    } catch (error) {
      reportError(error);
    }
  };
  const remove = async (id: string) => {
    const coder = study.humans.find((c) => c.id === id);
    if (!coder) return;
    try {
      const plan = await store.study.coderDeletionPlan(study.project.id, id, study.version);
      const to = study.humans.find((c) => c.id === reassign[id]);
      if (plan.feedsFinal === 0) {
        const message = t('assign.deleteConfirm', { coder: coder.name, judgements: n(plan.judgements), segments: n(plan.segments), memos: n(plan.memos), assignments: n(plan.assignments), to: to?.name ?? t('assign.deleteNoTarget') });
        if (!window.confirm(message)) return;
      }
      // Refused by the store, with the counts, while the coder's judgements feed the final dataset.
      await store.study.deleteCoder(study.project.id, id, { version: study.version, reassignTo: to?.id });
      inform('assign.deleted', { coder: coder.name });
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <details className="card assignment-card" data-testid="assignments" open={study.assignments.length > 0 || undefined}>
      <summary>
        <h2>{t('assign.title')}</h2>
      </summary>
      <div className="toolbar">
        <label className="small">
          {t('assign.coder')}{' '}
          <select value={chosenCoder?.id ?? ''} onChange={(e) => setCoderId(e.target.value)} data-testid="assign-coder">
            {study.humans.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('assign.role')}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value === 'reliability' ? 'reliability' : 'primary')} data-testid="assign-role">
            <option value="primary">{t('assign.primary')}</option>
            <option value="reliability">{t('assign.reliability')}</option>
          </select>
        </label>
        <label className="small">
          {t('assign.which')}{' '}
          <select value={which} onChange={(e) => setWhich(e.target.value)} data-testid="assign-which">
            <option value="all">{t('assign.all', { count: n(units.length) })}</option>
            <option value="unassigned">{t('assign.unassigned', { count: n(units.filter((d) => !primary.has(d.id)).length) })}</option>
            {attributeValues.map((kv) => {
              const [k, v] = kv.split('=') as [string, string];
              return (
                <option key={kv} value={kv}>
                  {t('assign.byAttribute', { attribute: k, value: v, count: n(units.filter((d) => d.attributes[k] === v).length) })}
                </option>
              );
            })}
          </select>
        </label>
        <button type="button" className="primary" disabled={selected.length === 0} onClick={() => void assign()} data-testid="assign-apply">
          {t('assign.apply')}
        </button>
      </div>
      <p className="small muted">{t('assign.defaultNote')}</p>
      <table className="data-table" data-testid="coder-progress">
        <thead>
          <tr>
            <th>{t('assign.coder')}</th>
            <th className="num">{t('assign.colPrimary')}</th>
            <th className="num">{t('assign.colReliability')}</th>
            <th className="num">{t('assign.colJudged')}</th>
            <th className="num">{t('assign.colFinal')}</th>
            <th className="num">{t('assign.colOpen')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => {
            const coder = study.humans.find((c) => c.id === p.coderId)!;
            const lead = coder.id === study.lead;
            return (
              <tr key={p.coderId} data-testid="coder-progress-row">
                <td>
                  {coder.name} {lead && <span className="badge small">{t('assign.lead')}</span>}
                </td>
                <td className="num">{n(p.primary)}</td>
                <td className="num">{n(p.reliability)}</td>
                <td className="num">{n(p.judged)}</td>
                <td className="num">{n(p.final)}</td>
                <td className="num">{n(study.openReliability.get(p.coderId) ?? 0)}</td>
                <td>
                  {!lead && (
                    <span className="toolbar">
                      <label className="small">
                        {t('assign.reassignTo')}{' '}
                        <select value={reassign[p.coderId] ?? ''} onChange={(e) => setReassign((r) => ({ ...r, [p.coderId]: e.target.value }))} data-testid="reassign-to">
                          <option value="">{t('assign.deleteNoTarget')}</option>
                          {study.humans
                            .filter((c) => c.id !== p.coderId)
                            .map((c) => (
                              <option key={c.id} value={c.id}>
                                {c.name}
                              </option>
                            ))}
                        </select>
                      </label>
                      <button type="button" className="danger" onClick={() => void remove(p.coderId)} data-testid="delete-coder">
                        {t('assign.delete')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
