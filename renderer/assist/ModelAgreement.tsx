/**
 * The model as a coder in the Reliability view: the lead's switch and threshold, and — computed
 * in the worker by cross-validation over the judged documents, each proposed by a model that did
 * not train on it — the model's agreement with each human coder per variable (units, percent
 * agreement, Cohen's κ, Krippendorff's α), with the variables below the threshold marked as not
 * proposed. While proposals are off it is computed only when the lead asks.
 */
import { useState } from 'react';
import { localize } from '../../src/core';
import { proposalSettings } from '../../src/core/assist';
import { formatCoefficient, formatNumber } from '../../src/core/number-format';
import { useI18n } from '../i18n';
import type { Study } from '../study/useStudy';
import { percentOf } from './assist-client';
import { ProposalSettings } from './ProposalSettings';
import { useModelEvaluation } from './useModelEvaluation';

export function ModelAgreement({ study }: { study: Study }) {
  const { t, lang } = useI18n();
  const [asked, setAsked] = useState(false);
  const enabled = proposalSettings(study.project.settings).enabled;
  const state = useModelEvaluation(study, enabled || asked);
  const c = (x: number | null) => formatCoefficient(x, lang);
  const label = (id: string) => localize(study.version.content.variables.find((v) => v.id === id)?.label, lang) || id;
  return (
    <section className="model-agreement" data-testid="model-agreement" aria-labelledby="model-agreement-title">
      <h2 id="model-agreement-title">{t('assist.model.title')}</h2>
      <ProposalSettings study={study} />
      {state.kind === 'idle' && (
        <button type="button" data-testid="evaluate-model" onClick={() => setAsked(true)}>
          {t('assist.model.evaluate')}
        </button>
      )}
      {state.kind === 'running' && <p className="muted small" data-testid="model-running">{state.progress ? t('assist.model.running', { percent: percentOf(state.progress) }) : t('assist.waiting')}</p>}
      {state.kind === 'too-few' && <p className="notice">{t('assist.notTrained')}</p>}
      {state.kind === 'error' && <p className="notice">{t('assist.failed', { message: state.message[lang] })}</p>}
      {state.kind === 'ready' && (
        <>
          <p className="muted small">{t('assist.model.intro', { folds: state.evaluation.cv.folds })}</p>
          {[...state.evaluation.reports].map(([coderId, report]) => (
            <div key={coderId} className="table-scroll">
              <h3 className="small">{t('assist.model.vsCoder', { coder: study.coders.find((x) => x.id === coderId)?.name ?? coderId })}</h3>
              <table className="data-table" data-testid="model-table" data-coder={coderId}>
                <thead>
                  <tr>
                    <th>{t('reliability.variable')}</th>
                    <th className="num">{t('reliability.units')}</th>
                    <th className="num">{t('reliability.percent')}</th>
                    <th className="num">Cohen κ</th>
                    <th className="num">Krippendorff α</th>
                    <th>{t('assist.model.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.variables.map((r) => (
                    <tr key={r.variable} data-testid="model-row" data-proposed={state.eligible.has(r.variable) ? 'yes' : 'no'}>
                      <td>{label(r.variable)}</td>
                      <td className="num">{formatNumber(r.units, lang)}</td>
                      <td className="num">{c(r.percent_agreement)}</td>
                      <td className="num">{c(r.cohen_kappa)}</td>
                      <td className="num" data-testid="model-alpha">{c(r.krippendorff_alpha)}</td>
                      <td className={state.eligible.has(r.variable) ? 'small' : 'small muted'}>{state.eligible.has(r.variable) ? t('assist.model.proposed') : t('assist.model.notProposed')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          <p className="muted small">{t('assist.model.notProposable')}</p>
        </>
      )}
    </section>
  );
}
