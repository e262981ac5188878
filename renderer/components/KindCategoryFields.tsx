import { useTranslation } from 'react-i18next';
import { CATEGORIES_BY_KIND, WORK_KINDS, type Category, type WorkKind } from '../../shared/domain/model';
import { Field } from './Field';

/**
 * The kind (sales or marketing) and its activity, side by side. Changing the kind picks that
 * kind's first activity, so the pair can never hold a sales activity on a marketing box.
 */
export function KindCategoryFields({
  kind,
  category,
  onChange,
  kindLabel,
  categoryLabel,
}: {
  kind: WorkKind;
  category: Category;
  onChange: (value: { kind: WorkKind; category: Category }) => void;
  kindLabel: string;
  categoryLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <Field label={kindLabel}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as WorkKind;
              onChange({ kind: next, category: CATEGORIES_BY_KIND[next][0]! });
            }}
          >
            {WORK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={categoryLabel}>
        {({ id }) => (
          <select id={id} className="input" value={category} onChange={(e) => onChange({ kind, category: e.target.value as Category })}>
            {CATEGORIES_BY_KIND[kind].map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
