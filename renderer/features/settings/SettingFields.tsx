/**
 * Settings inputs that keep the user's typing while it is invalid (with an inline message) and
 * save as soon as it is valid. Nothing invalid reaches the database.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

type ErrorKey = string | null;

export interface Limits {
  min: number;
  max: number;
}

/** Resolves a validation key with the field's own limits, e.g. "Enter a value from 1 to 720." */
export function useErrorText(limits?: Limits, maxLength?: number) {
  const { t } = useTranslation();
  return (key: ErrorKey): string | null => {
    if (!key) return null;
    return t(key as 'validation.invalid', { min: limits?.min, max: maxLength ?? limits?.max });
  };
}

export function NumberSetting({
  label,
  hint,
  unit,
  value,
  step,
  limits,
  onSave,
}: {
  label: string;
  hint: string;
  unit: string;
  value: number;
  step: number;
  limits: Limits;
  onSave: (value: number) => Promise<ErrorKey>;
}) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<ErrorKey>(null);
  const focused = useRef(false);
  const errorText = useErrorText(limits);

  // Follow changes made elsewhere (a reset, another window), but never under the user's fingers.
  // An invalid draft stays on screen with its message after leaving the field: reverting it
  // silently would hide that the value was not saved.
  useEffect(() => {
    if (!focused.current) {
      setDraft(String(value));
      setError(null);
    }
  }, [value]);

  const change = async (text: string) => {
    setDraft(text);
    const trimmed = text.trim().replace(',', '.');
    const parsed = trimmed === '' ? Number.NaN : Number(trimmed);
    setError(await onSave(parsed));
  };

  return (
    <Field label={label} hint={hint} error={errorText(error)}>
      {({ id, describedBy, invalid }) => (
        <div className="input-with-unit">
          <input
            id={id}
            className="input input--number"
            type="text"
            inputMode="decimal"
            value={draft}
            step={step}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onFocus={() => (focused.current = true)}
            onBlur={() => (focused.current = false)}
            onChange={(event) => void change(event.target.value)}
          />
          <span className="input-with-unit__unit" aria-hidden="true">
            {unit}
          </span>
        </div>
      )}
    </Field>
  );
}

export function TextSetting({
  label,
  hint,
  value,
  maxLength,
  onSave,
}: {
  label: string;
  hint?: string;
  value: string;
  maxLength: number;
  onSave: (value: string) => Promise<ErrorKey>;
}) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<ErrorKey>(null);
  const focused = useRef(false);
  const errorText = useErrorText(undefined, maxLength);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <Field label={label} hint={hint} error={errorText(error)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          type="text"
          value={draft}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onFocus={() => (focused.current = true)}
          onBlur={() => (focused.current = false)}
          onChange={async (event) => {
            setDraft(event.target.value);
            setError(await onSave(event.target.value));
          }}
        />
      )}
    </Field>
  );
}

export function SelectSetting<T extends string | number>({
  label,
  hint,
  value,
  options,
  onSave,
}: {
  label: string;
  hint?: string;
  value: T;
  options: { value: T; label: string }[];
  onSave: (value: T) => Promise<ErrorKey>;
}) {
  return (
    <Field label={label} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className="input"
          value={String(value)}
          aria-describedby={describedBy}
          onChange={(event) => {
            const chosen = options.find((option) => String(option.value) === event.target.value);
            if (chosen) void onSave(chosen.value);
          }}
        >
          {options.map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
