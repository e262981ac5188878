/**
 * The quick capture of a small win, reachable from anywhere: mount `<CaptureDialog />` once in
 * App and call `useCaptureShortcut()` there; `<CaptureButton />` is the visible way in. Anything
 * may open it, prefilled, with `useCapture.getState().openCapture(prefill)`.
 *
 * The form and the feature messages it needs are not on the start-up path: they load when the
 * browser is first idle after start-up, so that the shortcut opens the form at once, and at the
 * latest when the capture is first opened.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { loadFeatureMessages } from '../../i18n';
import { useCapture } from '../../stores/capture';
import { captureAriaKeys, captureKeysLabel } from './shortcut';
import type { WinFormDialog as WinFormDialogType } from './WinFormDialog';

type FormComponent = typeof WinFormDialogType;

// Module state, not React state: the form is loaded once per app run, whichever component asks.
let loadedForm: FormComponent | null = null;
let loadingForm: Promise<FormComponent> | null = null;

function loadForm(): Promise<FormComponent> {
  loadingForm ??= Promise.all([import('./WinFormDialog'), loadFeatureMessages()]).then(
    ([module]) => (loadedForm = module.WinFormDialog),
    (error: unknown) => {
      // Let a later open try again.
      loadingForm = null;
      throw error;
    },
  );
  return loadingForm;
}

export function CaptureDialog() {
  const open = useCapture((s) => s.open);
  const prefill = useCapture((s) => s.prefill);
  const closeCapture = useCapture((s) => s.closeCapture);
  // Once loaded, the form renders in the same frame as the shortcut: no suspense, no lost keys.
  const [Form, setForm] = useState<FormComponent | null>(() => loadedForm);

  useEffect(() => {
    if (Form) return;
    let live = true;
    const load = () =>
      loadForm().then(
        (component) => live && setForm(() => component),
        (error: unknown) => console.warn('Could not load the win capture', error),
      );
    // Opened before the preload finished: load now. Otherwise when the browser is first idle.
    if (open) {
      void load();
      return () => {
        live = false;
      };
    }
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => void load(), { timeout: 5_000 }) : null;
    const timer = idle === null ? setTimeout(() => void load(), 1_000) : null;
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
    };
  }, [open, Form]);

  if (!open || !Form) return null;
  // A different prefill is a different form: start it fresh.
  return <Form key={JSON.stringify(prefill)} mode={{ kind: 'new', prefill }} onClose={closeCapture} />;
}

/**
 * "★ Log a win", with its shortcut in the tooltip and for assistive technology. In the app's
 * shell (outside the feature screens) pass `label` from the core messages: the `wins` messages
 * load with the feature screens.
 */
export function CaptureButton({ variant = 'primary', className, label }: { variant?: 'primary' | 'secondary'; className?: string; label?: string }) {
  const { t } = useTranslation();
  const openCapture = useCapture((s) => s.openCapture);
  return (
    <Button variant={variant} className={className} onClick={() => openCapture()} title={captureKeysLabel} aria-keyshortcuts={captureAriaKeys}>
      <span aria-hidden="true">★</span> {label ?? t('wins.logWin')}
    </Button>
  );
}
