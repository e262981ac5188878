import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChecklistOption<T extends string> {
  value: T;
  label: string;
}

/**
 * A filter that picks any number of values: a button showing how many are chosen, opening a list
 * of checkboxes. Escape or a click elsewhere closes it; focus returns to the button on Escape.
 */
export function ChecklistFilter<T extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly ChecklistOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const chosen = new Set(selected);

  useEffect(() => {
    const root = rootRef.current;
    if (!open || !root) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    // Tabbing out of the panel closes it; a click elsewhere is handled above.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null && !root.contains(event.relatedTarget as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  useEffect(() => {
    if (open) rootRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }, [open]);

  const toggle = (value: T) => {
    // Keep the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => (v === value ? !chosen.has(v) : chosen.has(v))));
  };

  return (
    <div ref={rootRef} className="checklist-filter">
      <button
        ref={buttonRef}
        type="button"
        className={`btn btn--secondary checklist-filter__button${selected.length ? ' checklist-filter__button--active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {selected.length ? t('leadBoard.filters.chosen', { label, count: selected.length }) : label}
        <span aria-hidden="true" className="checklist-filter__caret">
          ▾
        </span>
      </button>
      <div id={panelId} className="checklist-filter__panel" role="group" aria-label={label} hidden={!open}>
        {options.map((option) => (
          <label key={option.value} className="checklist-filter__option">
            <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
        <button type="button" className="btn btn--ghost checklist-filter__clear" disabled={selected.length === 0} onClick={() => onChange([])}>
          {t('leadBoard.filters.clearGroup', { label })}
        </button>
      </div>
    </div>
  );
}
