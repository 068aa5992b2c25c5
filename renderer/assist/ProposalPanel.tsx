/**
 * The assist model's proposal in the codebook panel: under the current variable the value, its
 * calibrated confidence and the sentences that drove it (a click scrolls to one; they are drawn
 * in the document, underlined), with "Accept (p)"; on the other unjudged variables one line.
 * When nothing is shown, why (training, too few judged documents, a reliability assignment, below
 * the lead's threshold). Accepting is the coder's action; nothing here writes.
 */
import { localize, type Variable } from '../../src/core';
import { formatNumber } from '../../src/core/number-format';
import type { Proposal } from '../../src/core/assist';
import { useI18n } from '../i18n';
import { percentOf } from './assist-client';
import type { Proposals } from './useProposals';

function useLabels(variable: Variable, proposal: Proposal) {
  const { t, lang } = useI18n();
  const value = variable.values.find((v) => v.id === proposal.valueId);
  return { value, label: localize(value?.label, lang) || proposal.valueId, confidence: t('assist.confidence', { confidence: `${formatNumber(100 * proposal.confidence, lang)} %` }) };
}

/** One line on an unjudged variable that is not the current one. */
export function ProposalBadge({ variable, proposals }: { variable: Variable; proposals: Proposals }) {
  const proposal = proposals.shown(variable.id);
  if (!proposal) return null;
  return <ProposalLine variable={variable} proposal={proposal} />;
}

function ProposalLine({ variable, proposal }: { variable: Variable; proposal: Proposal }) {
  const { t } = useI18n();
  const { value, label, confidence } = useLabels(variable, proposal);
  return (
    <div className="proposal-line small" data-testid="proposal-badge">
      <span className="swatch" style={{ background: value?.colour }} /> {t('assist.proposal', { value: label })} <span className="muted">({confidence})</span>
    </div>
  );
}

export function ProposalPanel({ variable, proposals, onShow, onAccept }: { variable: Variable; proposals: Proposals; onShow: (offset: number) => void; onAccept: () => void }) {
  const { t, lang } = useI18n();
  const { state } = proposals;
  const proposal = proposals.shown(variable.id);
  if (state.kind === 'off') return null;
  if (!proposal) {
    const verdict = proposals.verdict(variable.id);
    if (!verdict.show && verdict.reason === 'judged') return null;
    const text =
      state.kind === 'blocked'
        ? t(`assist.reason.${state.reason}`)
        : state.kind === 'error'
          ? t('assist.failed', { message: state.message[lang] })
          : state.kind === 'too-few'
            ? t('assist.notTrained')
            : state.kind === 'training'
              ? state.progress
                ? t('assist.training', { percent: percentOf(state.progress) })
                : t('assist.waiting')
              : !verdict.show && verdict.reason === 'below-threshold'
                ? t('assist.reason.below-threshold')
                : null;
    return text ? (
      <p className="proposal muted small" data-testid="proposal-status" data-state={state.kind}>
        {text}
      </p>
    ) : null;
  }
  return (
    <div className="proposal" data-testid="proposal" onClick={(e) => e.stopPropagation()}>
      <ProposalLine variable={variable} proposal={proposal} />
      {proposal.evidence.length > 0 ? (
        <>
          <div className="muted small">{t('assist.evidence')}</div>
          <ol className="proposal-evidence small">
            {proposal.evidence.map((e) => (
              <li key={e.start}>
                <button type="button" className="link" data-testid="proposal-evidence" onClick={() => onShow(e.start)}>
                  {e.quote.length > 160 ? `${e.quote.slice(0, 157)}…` : e.quote}
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <div className="muted small">{t('assist.noEvidence')}</div>
      )}
      <button type="button" data-testid="accept-proposal" onClick={onAccept}>
        {t('assist.accept')}
      </button>
    </div>
  );
}
