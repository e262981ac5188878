/** One win in the timeline: star, title and number, date and type, links, tags, note, and its actions. */
import { memo, useId } from 'react';
import type { TFunction } from 'i18next';
import { Link } from 'wouter';
import { WIN_TYPES, type Initiative, type Lead, type Win, type WinType } from '../../../shared/domain/model';
import type { Language } from '../../../shared/domain/model/settings';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../i18n/format';
import { formatWinAmount } from './amount';
import { leadName } from './win-form';

/** The words every row uses, translated once per screen rather than once per row. */
export interface WinItemLabels {
  star: string;
  starHint: string;
  edit: string;
  delete: string;
  tags: string;
  initiative: string;
  lead: string;
  leadGone: string;
  types: Record<WinType, string>;
  actionsFor: (title: string) => string;
}

export function winItemLabels(t: TFunction): WinItemLabels {
  // The one message with a per-row value is translated once with a marker, then filled in.
  const marker = '\u0000';
  const actionsFor = t('wins.timeline.actionsFor', { title: marker });
  return {
    star: t('wins.timeline.star'),
    starHint: t('wins.capture.starHint'),
    edit: t('wins.timeline.edit'),
    delete: t('wins.timeline.delete'),
    tags: t('wins.capture.tags'),
    initiative: t('wins.timeline.initiative'),
    lead: t('wins.timeline.lead'),
    leadGone: t('wins.capture.leadGone'),
    types: Object.fromEntries(WIN_TYPES.map((type) => [type, t(`wins.type.${type}`)])) as Record<WinType, string>,
    actionsFor: (title) => actionsFor.replace(marker, title),
  };
}

/**
 * Memoised, and free of hooks that subscribe to anything (the database, the language): a heavy
 * user's quarter is hundreds of rows, and typing in the search must not redraw them all. i18next
 * formatting alone cost a third of the first draw of 430 rows before the labels moved out.
 */
export const WinItem = memo(function WinItem({
  win,
  lead,
  initiative,
  language,
  timeZone,
  labels,
  onToggleStar,
  onEdit,
  onDelete,
}: {
  win: Win;
  lead: Lead | undefined;
  initiative: Initiative | undefined;
  language: Language;
  timeZone: string;
  labels: WinItemLabels;
  onToggleStar: (win: Win) => void;
  onEdit: (win: Win) => void;
  onDelete: (win: Win) => void;
}) {
  const titleId = useId();
  const starred = win.starred === 1;

  return (
    <li className={starred ? 'win win--starred' : 'win'} aria-labelledby={titleId} data-win-id={win.id}>
      <button
        type="button"
        className="win__star"
        aria-pressed={starred}
        aria-label={labels.star}
        title={labels.starHint}
        onClick={() => onToggleStar(win)}
      >
        <span aria-hidden="true">{starred ? '★' : '☆'}</span>
      </button>
      <div className="win__body">
        <p className="win__head">
          <span id={titleId} className="win__title">
            {win.title}
          </span>
          {win.amount !== undefined ? <span className="win__amount">{formatWinAmount(win.amount, win.unit, language)}</span> : null}
        </p>
        <p className="win__meta">
          <time dateTime={new Date(win.at).toISOString()}>{formatDateTime(win.at, language, timeZone)}</time>
          <span className={`win-type win-type--${win.type}`}>{labels.types[win.type]}</span>
          {initiative ? (
            <span className="win__link">
              <span className="muted">{labels.initiative}:</span>{' '}
              <Link href={`/leads/initiatives/${initiative.id}`}>{initiative.name}</Link>
            </span>
          ) : null}
          {win.leadId ? (
            <span className="win__link">
              <span className="muted">{labels.lead}:</span>{' '}
              {lead ? <Link href={`/leads/lead/${lead.id}`}>{leadName(lead)}</Link> : <span className="muted">{labels.leadGone}</span>}
            </span>
          ) : null}
        </p>
        {win.tags.length > 0 ? (
          <ul className="chips chips--small" aria-label={labels.tags}>
            {win.tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        {win.note ? <p className="win__note">{win.note}</p> : null}
      </div>
      <div className="win__actions" role="group" aria-label={labels.actionsFor(win.title)}>
        <Button variant="ghost" onClick={() => onEdit(win)}>
          {labels.edit}
        </Button>
        <Button variant="ghost" onClick={() => onDelete(win)}>
          {labels.delete}
        </Button>
      </div>
    </li>
  );
});
