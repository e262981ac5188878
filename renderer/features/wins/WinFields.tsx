/** The two richer fields of the win form: tags as chips, and a light lead picker. */
import { useDeferredValue, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Lead } from '../../../shared/domain/model';
import { normalizeTags } from '../../../shared/domain/wins';
import { Button } from '../../components/Button';
import { useDb } from '../../app/services';
import { findLeadsToLink } from '../../db/wins';
import { leadName, splitTagText } from './win-form';

/**
 * Tags typed as chips: a comma (ASCII, full-width or 、) or Enter turns the text into a chip,
 * Backspace in the empty field takes the last chip back for editing. Chips are normalised as the
 * rules say (one spelling per tag, the first one kept).
 */
export function TagsField({
  tags,
  text,
  suggestions,
  error,
  onChange,
}: {
  tags: string[];
  text: string;
  suggestions: string[];
  error?: string | null;
  onChange: (tags: string[], text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const commit = (more: string[], rest: string) => onChange(normalizeTags([...tags, ...more]), rest);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && text.trim() !== '') {
      // Enter with a tag being typed makes the chip; with nothing typed it saves, as elsewhere.
      event.preventDefault();
      commit(splitTagText(text), '');
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1), tags[tags.length - 1]!);
    }
  };

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('wins.capture.tags')}
      </label>
      <div className="chips-input">
        {tags.length > 0 ? (
          <ul className="chips" aria-label={t('wins.capture.tagList')}>
            {tags.map((tag, index) => (
              <li key={tag} className="chip">
                <span>{tag}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('wins.capture.removeTag', { tag })}
                  onClick={() => onChange(tags.filter((_, i) => i !== index), text)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          className="chips-input__text"
          value={text}
          list={`${id}-suggestions`}
          placeholder={t('wins.capture.tagsPlaceholder')}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={Boolean(error)}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            const value = event.target.value;
            // A separator typed (or pasted) closes every tag before it.
            const last = Math.max(value.lastIndexOf(','), value.lastIndexOf('，'), value.lastIndexOf('、'), value.lastIndexOf('\n'));
            if (last >= 0) commit(splitTagText(value.slice(0, last)), value.slice(last + 1).trimStart());
            else onChange(tags, value);
          }}
          onBlur={() => {
            if (text.trim() !== '') commit(splitTagText(text), '');
          }}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      {/* The placeholder says it to the eye; this says it to screen readers, which skip placeholders. */}
      <p className="visually-hidden" id={`${id}-hint`}>
        {t('wins.capture.tagsHint')}
      </p>
    </div>
  );
}

const RESULTS = 6;

/**
 * Links a lead: type part of the company or the person, pick from the newest matching leads.
 * Enter picks the first match, ↓ moves into the list. Once linked, the lead's name shows with an
 * Unlink button.
 */
export function LeadField({ leadId, onChange }: { leadId: string; onChange: (lead: Lead | null) => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const id = useId();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const list = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const linked = useLiveQuery(async () => (leadId ? ((await db.leads.get(leadId)) ?? null) : null), [db, leadId]);
  const results = useLiveQuery(() => findLeadsToLink(db, deferred, RESULTS), [db, deferred]);
  const searching = text.trim() !== '' && (results === undefined || deferred !== text);

  const pick = (lead: Lead) => {
    setText('');
    onChange(lead);
  };

  if (leadId) {
    const name = linked === undefined ? '…' : linked ? leadName(linked) : t('wins.capture.leadGone');
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {t('wins.capture.lead')}
        </span>
        <div className="lead-link" role="group" aria-labelledby={`${id}-label`}>
          <span className="lead-link__name">{name}</span>
          <Button
            variant="ghost"
            aria-label={`${t('wins.capture.unlinkLead')}: ${name}`}
            onClick={() => {
              onChange(null);
              // The search field replaces the button: keep the cursor in the same place.
              requestAnimationFrame(() => search.current?.focus());
            }}
          >
            {t('wins.capture.unlinkLead')}
          </Button>
        </div>
      </div>
    );
  }

  const moveInList = (event: KeyboardEvent<HTMLElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index <= 0) search.current?.focus();
      else buttons[index - 1]?.focus();
    }
  };

  return (
    <div className="field lead-picker">
      <label className="field__label" htmlFor={id}>
        {t('wins.capture.lead')}
      </label>
      <input
        ref={search}
        id={id}
        className="input"
        type="search"
        value={text}
        autoComplete="off"
        placeholder={t('wins.capture.leadPlaceholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && text.trim() !== '') {
            // Enter while searching picks, it does not save a win without the lead it meant.
            event.preventDefault();
            if (!searching && results && results[0]) pick(results[0]);
          } else if (event.key === 'ArrowDown') moveInList(event);
        }}
      />
      {text.trim() !== '' ? (
        searching && !results?.length ? (
          <p className="field__hint" role="status">
            {t('wins.capture.leadSearching')}
          </p>
        ) : results && results.length > 0 ? (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move between the buttons inside
          <ul ref={list} className="lead-picker__results" aria-label={t('wins.capture.leadResults', { text })} onKeyDown={moveInList}>
            {results.map((lead) => (
              <li key={lead.id}>
                <button type="button" className="lead-picker__result" onClick={() => pick(lead)}>
                  <span className="lead-picker__name">{leadName(lead)}</span>
                  <span className="muted lead-picker__source">{t(`leads.source.${lead.source}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint" role="status">
            {t('wins.capture.leadNoMatch', { text })}
          </p>
        )
      ) : null}
    </div>
  );
}
