import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueField, RowIssue } from '../../../../shared/csv/convert';

const FIELD_LABEL: Partial<Record<IssueField, `leadCsv.mapping.field.${'company' | 'person' | 'title' | 'email' | 'phone' | 'source' | 'sourceDetail' | 'initiative' | 'value' | 'createdAt' | 'note'}`>> = {
  company: 'leadCsv.mapping.field.company',
  person: 'leadCsv.mapping.field.person',
  title: 'leadCsv.mapping.field.title',
  email: 'leadCsv.mapping.field.email',
  phone: 'leadCsv.mapping.field.phone',
  source: 'leadCsv.mapping.field.source',
  sourceDetail: 'leadCsv.mapping.field.sourceDetail',
  initiative: 'leadCsv.mapping.field.initiative',
  value: 'leadCsv.mapping.field.value',
  createdAt: 'leadCsv.mapping.field.createdAt',
  note: 'leadCsv.mapping.field.note',
};

/** A row's problem in the user's language: "Email: Enter an email address like name@example.com." */
export function useIssueText(): (issue: RowIssue, withField?: boolean) => string {
  const { t } = useTranslation();
  return useCallback(
    (issue: RowIssue, withField = true) => {
      // The keys come from the pure core (validateLeadDraft and the CSV reader): i18n keys by contract.
      const message = t(issue.key as 'leadCsv.error.date', issue.params as { value: string });
      const label = FIELD_LABEL[issue.field];
      return withField && label ? t('leadCsv.preview.issue', { field: t(label), message }) : message;
    },
    [t],
  );
}
