/**
 * Draw a seeded reliability sample (n documents, or a share per stratum such as `level`) and
 * assign it to a second coder: the chosen documents get the attribute `urval` = the coder's name,
 * which the Documents table shows and exports carry.
 */
import { useState } from 'react';
import type { Coder, DocumentMeta } from '../../../src/core';
import { drawSample } from '../../../src/core/sampling';
import { useI18n } from '../../i18n';
import { useNotices } from '../../state/errors';
import { useStore } from '../../state/store-context';
import { SAMPLE_ATTRIBUTE } from './analysis';

export { SAMPLE_ATTRIBUTE } from './analysis';

export function SampleCard({ documents, coders }: { documents: DocumentMeta[]; coders: Coder[] }) {
  const { t } = useI18n();
  const store = useStore();
  const { reportError, inform } = useNotices();
  const attributes = [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))].filter((a) => a !== SAMPLE_ATTRIBUTE).sort();
  const [mode, setMode] = useState<'n' | 'percent'>('percent');
  const [amount, setAmount] = useState(10);
  const [stratum, setStratum] = useState(attributes.includes('level') ? 'level' : '');
  const [seed, setSeed] = useState(1);
  const [chosenCoder, setCoderId] = useState('');
  const coderId = chosenCoder || (coders[1] ?? coders[0])?.id || '';
  const [sample, setSample] = useState<DocumentMeta[] | null>(null);

  const draw = () => setSample(drawSample(documents, { [mode]: amount, stratum: stratum || undefined, seed }));
  const assign = async () => {
    const coder = coders.find((c) => c.id === coderId);
    if (!sample || !coder) return;
    try {
      // The sample's record (size, strata, seed), a reliability assignment per document and the "urval" attribute, together.
      await store.study.assignSample({ projectId: coder.projectId, coderId: coder.id, mode, amount, stratum: stratum || undefined, seed, population: documents.length, documentIds: sample.map((d) => d.id) });
      inform('sample.assigned', { count: sample.length, coder: coder.name });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card sample-card" data-testid="sample-card">
      <h2>{t('sample.title')}</h2>
      <div className="toolbar">
        <select value={mode} onChange={(e) => setMode(e.target.value === 'n' ? 'n' : 'percent')} aria-label={t('sample.mode')}>
          <option value="percent">{t('sample.percent')}</option>
          <option value="n">{t('sample.n')}</option>
        </select>
        <input type="number" min={0} value={amount} onChange={(e) => setAmount(Number(e.target.value))} aria-label={t('sample.amount')} data-testid="sample-amount" style={{ width: '6rem' }} />
        <label className="small">
          {t('sample.stratum')}{' '}
          <select value={stratum} onChange={(e) => setStratum(e.target.value)} data-testid="sample-stratum">
            <option value="">{t('sample.noStratum')}</option>
            {attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('sample.seed')} <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} style={{ width: '5rem' }} />
        </label>
        <button type="button" onClick={draw} data-testid="draw-sample">
          {t('sample.draw')}
        </button>
      </div>
      {sample && (
        <>
          <p className="small" data-testid="sample-result">
            {t('sample.result', { count: sample.length, total: documents.length })}
          </p>
          <ul className="problem-list">
            {sample.map((d) => (
              <li key={d.id}>
                {d.fileName} {stratum && <span className="muted small">({d.attributes[stratum] ?? '—'})</span>}
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <select value={coderId} onChange={(e) => setCoderId(e.target.value)} aria-label={t('sample.coder')}>
              {coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button type="button" className="primary" onClick={() => void assign()} disabled={sample.length === 0} data-testid="assign-sample">
              {t('sample.assign')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
