import { useTranslation } from 'react-i18next';
import { LEAD_STAGES, OPEN_STAGES, type LeadStage } from '../../../../shared/domain/model';

/**
 * One button per stage, the current one pressed. The open stages (new → proposal) read as a
 * track; the three endings (won, lost, dropped) stand apart, since each asks for details.
 */
export function StageBar({ stage, disabled, onMove }: { stage: LeadStage; disabled?: boolean; onMove: (to: LeadStage) => void }) {
  const { t } = useTranslation();
  const button = (s: LeadStage) => {
    const current = s === stage;
    return (
      <button
        key={s}
        type="button"
        className={`stage-bar__step stage-bar__step--${s}${current ? ' stage-bar__step--current' : ''}`}
        aria-pressed={current}
        disabled={disabled}
        onClick={() => {
          if (!current) onMove(s);
        }}
      >
        {t(`leads.stage.${s}`)}
      </button>
    );
  };
  return (
    <div className="stage-bar" role="group" aria-label={t('leadForm.detail.stageBar')}>
      <div className="stage-bar__track">{LEAD_STAGES.filter((s) => OPEN_STAGES.includes(s)).map(button)}</div>
      <div className="stage-bar__endings">{LEAD_STAGES.filter((s) => !OPEN_STAGES.includes(s)).map(button)}</div>
    </div>
  );
}
