import { sourceMatcher } from '../../../../shared/csv/sources';
import { leadsEn } from '../../../i18n/leads.en';
import { leadsJa } from '../../../i18n/leads.ja';

/** Source labels in both languages, whatever the user's: a colleague's file may be in the other one. */
export const SOURCE_MATCHER = sourceMatcher([leadsEn.source, leadsJa.source]);
