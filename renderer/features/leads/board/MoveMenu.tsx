/**
 * "Move to…": every stage as a menu item, the current one disabled; closing stages end with "…"
 * because they ask for details next. Keyboard as a menu should: Up/Down (wrapping), Home/End,
 * Enter or Space picks, Escape or Tab closes; focus starts on the next stage in the funnel.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsStageDialog, neighbourStage } from '../../../../shared/domain/lead-list';
import { LEAD_STAGES, type LeadStage } from '../../../../shared/domain/model';

export function MoveMenu({
  name,
  current,
  anchor,
  onPick,
  onClose,
}: {
  name: string;
  current: LeadStage;
  /** The viewport rectangle the menu opens from. */
  anchor: { top: number; bottom: number; left: number; right: number };
  onPick: (stage: LeadStage) => void;
  /** `refocus`: give focus back to the card (Escape), not when the user clicked elsewhere. */
  onClose: (refocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const menuRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    const margin = 8;
    const below = anchor.bottom + 4;
    const top = below + height + margin > window.innerHeight ? Math.max(margin, anchor.top - height - 4) : below;
    const left = Math.min(Math.max(margin, anchor.right - width), window.innerWidth - width - margin);
    // Placed once its size is known (drawn hidden first), so it never opens off screen.
    menu.style.top = `${top}px`;
    menu.style.left = `${left}px`;
    menu.style.visibility = 'visible';
    const start = neighbourStage(current, 1) ?? neighbourStage(current, -1);
    menu.querySelector<HTMLElement>(`[data-stage="${start}"]`)?.focus();
  }, [anchor, current]);

  useLayoutEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(items.length - 1);
        break;
      case 'Escape':
        onClose(true);
        break;
      case 'Tab':
        onClose(true);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      tabIndex={-1}
      aria-label={t('leadBoard.board.menu', { name })}
      className="move-menu"
      style={{ top: anchor.bottom, left: anchor.left, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {LEAD_STAGES.map((stage) => {
        const isCurrent = stage === current;
        const label = t(`leads.stage.${stage}`);
        return (
          <button
            key={stage}
            type="button"
            role="menuitem"
            tabIndex={-1}
            data-stage={stage}
            className={`move-menu__item${isCurrent ? ' move-menu__item--current' : ''}`}
            aria-disabled={isCurrent || undefined}
            onClick={() => {
              if (!isCurrent) onPick(stage);
            }}
          >
            <span className={`stage-dot stage-dot--${stage}`} aria-hidden="true" />
            {isCurrent ? t('leadBoard.board.current', { stage: label }) : needsStageDialog(stage) ? t('leadBoard.board.withDetails', { stage: label }) : label}
          </button>
        );
      })}
    </div>
  );
}
