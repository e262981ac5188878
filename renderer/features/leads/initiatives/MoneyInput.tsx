import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../../../shared/domain/initiative-results';
import type { Currency, Language } from '../../../../shared/domain/model/settings';
import { Field } from '../../../components/Field';
import { currencyFractionDigits, formatMoney } from '../../../i18n/format';

/**
 * An amount of money typed in the currency's major unit ("50000", "¥50,000", full-width digits
 * too), with the currency beside it and, once it reads as an amount, how it will be shown.
 */
export function MoneyInput({
  label,
  hint,
  value,
  error,
  currency,
  language,
  onChange,
  required = false,
}: {
  label: string;
  hint?: string;
  value: string;
  error: string | null;
  currency: Currency;
  language: Language;
  onChange: (text: string) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const parsed = parseMoneyInput(value, currencyFractionDigits(currency));
  const reads = parsed.ok && parsed.value !== undefined ? t('initiatives.form.amountIs', { amount: formatMoney(parsed.value, currency, language) }) : null;
  const fullHint = [hint, error ? null : reads].filter(Boolean).join(' ') || undefined;
  return (
    <Field label={label} hint={fullHint} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="input-with-unit">
          <input
            id={id}
            className="input initiatives-money"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            required={required}
            aria-required={required || undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => onChange(event.target.value)}
          />
          <span className="input-with-unit__unit">{currency}</span>
        </div>
      )}
    </Field>
  );
}
