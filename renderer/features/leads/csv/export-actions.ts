/** Writing the leads or initiatives CSV and handing it to the platform (save dialog or download). */
import type { TFunction } from 'i18next';
import { exportFileName, initiativesCsv, leadsCsv } from '../../../../shared/csv/write';
import { INITIATIVE_CHANNELS, INITIATIVE_STATUSES, LEAD_STAGES, LOSS_REASONS, SOURCE_IDS } from '../../../../shared/domain/model';
import type { Currency } from '../../../../shared/domain/model/settings';
import type { SaveFileResult } from '../../../../shared/bridge';
import type { TwoHatsDatabase } from '../../../db/database';
import { initiativesForExport, leadsForExport } from '../../../db/lead-import';
import { currencyFractionDigits } from '../../../i18n/format';
import { platform } from '../../../platform';
import { yieldToBrowser } from './yield';

export type ExportKind = 'leads' | 'initiatives';

export async function exportCsv(db: TwoHatsDatabase, kind: ExportKind, t: TFunction, options: { currency: Currency; timeZone: string }): Promise<{ fileName: string; result: SaveFileResult }> {
  const { currency, timeZone } = options;
  const ctx = { timeZone, fractionDigits: currencyFractionDigits(currency) };
  const run = { yieldControl: yieldToBrowser };
  const initiatives = await initiativesForExport(db);
  // Each label once, not once per lead: 50,000 leads would otherwise be 150,000 lookups.
  const labels = <K extends string>(ids: readonly K[], label: (id: K) => string) => {
    const table = new Map(ids.map((id) => [id, label(id)]));
    return (id: K) => table.get(id) ?? id;
  };
  const data =
    kind === 'leads'
      ? await leadsCsv(
          await leadsForExport(db),
          new Map(initiatives.map((i) => [i.id, i.name])),
          {
            header: (column) => t(`leadCsv.export.column.${column}`, { currency }),
            source: labels(SOURCE_IDS, (id) => t(`leads.source.${id}`)),
            stage: labels(LEAD_STAGES, (id) => t(`leads.stage.${id}`)),
            lossReason: labels(LOSS_REASONS, (id) => t(`leads.lossReason.${id}`)),
          },
          ctx,
          run,
        )
      : await initiativesCsv(
          initiatives,
          {
            header: (column) => t(`leadCsv.export.initiativeColumn.${column}`, { currency }),
            channel: labels(INITIATIVE_CHANNELS, (id) => t(`initiatives.channel.${id}`)),
            status: labels(INITIATIVE_STATUSES, (id) => t(`initiatives.status.${id}`)),
            yes: t('leadCsv.export.yes'),
            no: t('leadCsv.export.no'),
          },
          ctx,
          run,
        );
  // Dated when the user asked for it, in their time zone: TwoHats-leads-2026-11-23.csv.
  const fileName = exportFileName(kind, Date.now(), timeZone);
  const result = await platform().saveFile({ suggestedName: fileName, data, filter: { name: t('leadCsv.export.fileType'), extensions: ['csv'] } });
  return { fileName, result };
}
