import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ShellEvent } from '../../../shared/bridge';
import type { RunningTimer } from '../../../shared/domain/model';
import { reviewOfTimer, type TimerReview } from '../../../shared/domain/timer';
import { useDb, useSettings } from '../../app/services';
import type { TwoHatsDatabase } from '../../db/database';
import { touchTimer } from '../../db/timer';
import { boxesOverlapping } from '../../db/time';
import { isDesktop, platform } from '../../platform';
import { useShell } from '../../stores/shell';
import { useToasts } from '../../stores/toasts';
import { AwayDialog, ReviewDialog } from './TimerDialogs';
import { timerActions } from './timer-actions';
import { timerLabel } from './timer-label';
import { useBox, useTimer } from './useTimer';

const CHECK_EVERY_MS = 15_000;
const TOUCH_AT_MOST_EVERY_MS = 60_000;

/**
 * The timer's life outside the Today screen, mounted once for the whole app: it keeps the tray
 * (or the tab title) up to date, warns when a box ends, asks about long-running timers and time
 * away, answers the tray and the global shortcut, and records signs of life.
 */
export function TimerWatcher() {
  const { t } = useTranslation();
  const db = useDb();
  const settings = useSettings();
  const timer = useTimer();
  const box = useBox(timer?.boxId);
  const actions = useMemo(() => timerActions(db), [db]);
  const show = useToasts((s) => s.show);
  const [, navigate] = useLocation();
  const [review, setReview] = useState<TimerReview | null>(null);
  const [away, setAway] = useState<{ from: number; to: number } | null>(null);
  const reviewed = useRef(false);
  const notifiedBoxEnd = useRef<string | null>(null);
  // Shell events arrive outside React; they read the latest timer from here.
  const latest = useRef<RunningTimer | null | undefined>(timer);
  useEffect(() => {
    latest.current = timer;
  }, [timer]);

  // Tray tooltip and menu (desktop) or tab title (browser).
  const label = timer ? timerLabel(t, timer, box) : '';
  useEffect(() => {
    if (timer === undefined) return;
    void platform().setTimerStatus({
      state: timer === null ? 'idle' : timer.runningSince === null ? 'paused' : 'running',
      label,
      runningSince: timer?.runningSince ?? null,
      menuLabels: { start: t('timer.start'), stop: t('timer.stop'), open: t('app.name'), quit: t('common.quit') },
    });
  }, [timer, label, t]);

  useEffect(() => {
    void platform()
      .configureTimerShell({ shortcut: settings.timerShortcut, idleMinutes: settings.idleMinutes })
      .then(({ shortcutRegistered }) => {
        // The browser cannot register one at all; only the desktop's refusal is news.
        if (isDesktop()) useShell.getState().setShortcutRegistered(shortcutRegistered || settings.timerShortcut === '');
      });
  }, [settings.timerShortcut, settings.idleMinutes]);

  // On opening the app: a timer that ran far past its box or for hours without input is asked
  // about before its time counts. Once per start-up; later gaps come in as `away` events.
  useEffect(() => {
    if (reviewed.current || timer === undefined || (timer?.boxId && box === undefined)) return;
    reviewed.current = true;
    setReview(reviewOfTimer(timer, box, Date.now()));
  }, [timer, box]);

  // A box ending: in-app and as a system notification, once per box.
  useEffect(() => {
    if (!timer || timer.runningSince === null || !box || timer.interrupted) return;
    const check = () => {
      if (Date.now() < box.end || notifiedBoxEnd.current === box.id) return;
      notifiedBoxEnd.current = box.id;
      const message = t('timer.boxEnded', { title: box.title });
      show({ message, tone: 'info' });
      void platform().notify(t('timer.boxEndingTitle'), message);
    };
    check();
    const interval = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(interval);
  }, [timer, box, show, t]);

  // Tray clicks, the global shortcut and time away.
  useEffect(
    () =>
      platform().onShellEvent((event: ShellEvent) => {
        const current = latest.current;
        if (event.type === 'away') {
          if (current && current.runningSince !== null && event.to > current.runningSince) {
            // Absences reported while the question is open become one question, not the last one.
            setAway((open) => (open ? { from: Math.min(open.from, event.from), to: Math.max(open.to, event.to) } : { from: event.from, to: event.to }));
          }
          return;
        }
        void toggleTimer(db, actions, current, {
          started: (title) => show({ message: t('timer.started', { title }), tone: 'success' }),
          nothingPlanned: () => navigate('/today'),
        });
      }),
    [db, actions, show, t, navigate],
  );

  // Signs of life, so a long silence can be asked about; at most once a minute.
  useEffect(() => {
    if (!timer || timer.runningSince === null) return;
    let last = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - last < TOUCH_AT_MOST_EVERY_MS) return;
      last = now;
      void touchTimer(db, now);
    };
    window.addEventListener('pointerdown', onInput);
    window.addEventListener('keydown', onInput);
    return () => {
      window.removeEventListener('pointerdown', onInput);
      window.removeEventListener('keydown', onInput);
    };
  }, [db, timer]);

  return (
    <>
      <ReviewDialog
        review={review}
        timer={timer ?? null}
        boxTitle={label}
        onKeep={() => {
          setReview(null);
          void touchTimer(db, Date.now());
        }}
        onStopAt={(at) => {
          setReview(null);
          void actions.stop(at);
        }}
      />
      <AwayDialog
        away={away}
        onKeep={() => setAway(null)}
        onDiscard={async () => {
          if (away) {
            const result = await actions.excludeGap(away);
            if (result?.ok) show({ message: t('timer.awayDiscarded'), tone: 'success' });
          }
          setAway(null);
        }}
      />
    </>
  );
}

/**
 * Start/stop from the tray or the global shortcut: stop what runs, resume what is paused, or start
 * the box planned for now (marketing first); with nothing planned, open Today to start one.
 */
async function toggleTimer(
  db: TwoHatsDatabase,
  actions: ReturnType<typeof timerActions>,
  current: RunningTimer | null | undefined,
  report: { started: (title: string) => void; nothingPlanned: () => void },
): Promise<void> {
  if (current === undefined) return;
  if (current && current.runningSince !== null) {
    await actions.stop();
    return;
  }
  if (current) {
    await actions.resume();
    return;
  }
  const now = Date.now();
  const boxes = (await boxesOverlapping(db, { start: now, end: now + 1 })).filter((b) => b.start <= now);
  const planned = boxes.find((b) => b.kind === 'marketing') ?? boxes[0];
  if (!planned) {
    report.nothingPlanned();
    return;
  }
  const result = await actions.start({ kind: planned.kind, category: planned.category, boxId: planned.id, initiativeId: planned.initiativeId });
  if (result?.ok) report.started(planned.title);
}
