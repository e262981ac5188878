import { useTranslation } from 'react-i18next';
import type { Currency, Language } from '../../../../shared/domain/model/settings';
import { Field } from '../../../components/Field';
import { formatMoney } from '../../../i18n/format';
import { parseMoneyInput } from './money';

/**
 * A money input in the Settings currency. The text is kept as typed (so "120万" is not rewritten
 * under the cursor) and the hint shows what it will be saved as, formatted: "Reads as ¥1,200,000".
 */
export function MoneyField({
  label,
  text,
  onChange,
  error,
  currency,
  language,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  error: string | null;
  currency: Currency;
  language: Language;
}) {
  const { t } = useTranslation();
  const parsed = parseMoneyInput(text, currency);
  const hint =
    parsed.ok && parsed.value !== undefined ? t('leadForm.field.valuePreview', { money: formatMoney(parsed.value, currency, language) }) : t('leadForm.field.valueHint');
  return (
    <Field label={label} hint={error ? undefined : hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="input-with-unit">
          <span className="input-with-unit__unit" aria-hidden="true">
            {currencySymbol(currency, language)}
          </span>
          <input
            id={id}
            className="input lead-money"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      )}
    </Field>
  );
}

function currencySymbol(currency: Currency, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}
