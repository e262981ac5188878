/**
 * The print view: the report alone on an A4 sheet, with its own print stylesheet (print.css), over
 * the whole window. Printing it is Chromium's print-to-PDF in both shells: Electron's
 * webContents.printToPDF of this view, or the browser's print dialog. The header (who and which
 * period) and the page numbers are @page margin boxes, so they are on every page.
 *
 * Export PDF opens it with `auto`, prints at once, saves the snapshot when the PDF was saved and
 * closes it again; "Print view" (a saved report) leaves it open with a Print button.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useDb } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { saveReport } from '../../db/reports';
import { platform } from '../../platform';
import { useToasts } from '../../stores/toasts';
import { headlineSentences } from './headline';
import { periodName, reportFileName, reportTitle } from './period-label';
import { reportFormat, type ReportFormat } from './report-format';
import { useReportT } from './report-i18n';
import { ReportDocument } from './ReportDocument';
import { savedReportDraft, type ReportDoc } from './snapshot';
import type { PrintJob } from './store';
import './print.css';

const PAGE_STYLE_ID = 'twohats-report-page';
const PRINTING_CLASS = 'report-printing';

/** A CSS string literal: the user's name and company go into the stylesheet as text, never as CSS. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]+/g, ' ')}"`;
}

function pageHeader(doc: ReportDoc, f: ReportFormat): { left: string; right: string } {
  const who = [doc.header.companyName, doc.header.userName].map((s) => s.trim()).filter(Boolean).join(' · ');
  return { left: who || f.t('report.docHeader.pageHeaderAnonymous'), right: periodName(doc.report.period, f) };
}

/** Waits until the view is laid out with its fonts, so the PDF never catches a half-drawn page. */
async function settled(): Promise<void> {
  await document.fonts.ready;
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export function PrintView({ job, onClose }: { job: PrintJob & { save: boolean }; onClose: () => void }) {
  const { t: uiT } = useTranslation();
  const db = useDb();
  const show = useToasts((s) => s.show);
  const t = useReportT(job.doc.language);
  const f = t ? reportFormat(t, job.doc.language, job.doc.report.currency, job.doc.report.timeZone) : null;
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const started = useRef(false);

  useEffect(() => {
    document.documentElement.classList.add(PRINTING_CLASS);
    // A modal over the whole window: the app behind it is out of reach of Tab and screen readers.
    const behind = [...document.body.children].filter((el) => !el.classList.contains('report-print-root') && !el.hasAttribute('inert'));
    for (const el of behind) el.setAttribute('inert', '');
    return () => {
      document.documentElement.classList.remove(PRINTING_CLASS);
      document.getElementById(PAGE_STYLE_ID)?.remove();
      for (const el of behind) el.removeAttribute('inert');
    };
  }, []);

  const title = f ? reportTitle(job.doc.report, f) : uiT('report.actions.printView');
  useEffect(() => {
    // The PDF's title (Electron's printToPDF and the browser's "Save as PDF" take the page title).
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  const header = f ? pageHeader(job.doc, f) : null;
  useEffect(() => {
    if (!header) return;
    let style = document.getElementById(PAGE_STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = PAGE_STYLE_ID;
      document.head.append(style);
    }
    style.textContent = `@page { @top-left { content: ${cssString(header.left)}; } @top-right { content: ${cssString(header.right)}; } }`;
  }, [header?.left, header?.right]); // eslint-disable-line react-hooks/exhaustive-deps -- the two strings are the dependency

  useEffect(() => {
    root.current?.querySelector('button')?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const print = useCallback(async () => {
    if (!f) return;
    setBusy(true);
    try {
      await settled();
      const result = await platform().printToPdf({ suggestedName: reportFileName(job.doc.report, 'pdf') });
      if (result.status === 'saved') {
        if (job.save) {
          const headline = job.doc.headline ?? headlineSentences(job.doc.report, f);
          await saveReport(db, savedReportDraft(job.doc, headline, reportTitle(job.doc.report, f)), Date.now());
        }
        if (result.path) {
          const path = result.path;
          show({
            message: uiT('report.export.saved', { path }),
            tone: 'success',
            action: { label: uiT('report.export.showInFolder'), run: () => platform().showInFolder(path) },
          });
        } else show({ message: uiT('report.export.printDialog'), tone: 'info' });
      } else if (result.status === 'cancelled') show({ message: uiT('report.export.cancelled'), tone: 'info' });
      else show({ message: uiT('report.export.failed', { message: result.message }), tone: 'error' });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(false);
      if (job.auto) onClose();
    }
  }, [db, f, job, onClose, show, uiT]);

  useEffect(() => {
    if (job.auto && f && !started.current) {
      started.current = true;
      void print();
    }
  }, [job.auto, f, print]);

  return createPortal(
    <div ref={root} className="report-print-root" role="dialog" aria-modal="true" aria-label={title}>
      <div className="report-print-toolbar">
        <Button onClick={onClose} disabled={busy}>
          {uiT('report.actions.close')}
        </Button>
        <Button variant="primary" onClick={() => void print()} disabled={busy || !f}>
          {uiT('report.actions.print')}
        </Button>
        {busy ? (
          <span role="status" className="muted">
            {uiT('report.actions.preparing')}
          </span>
        ) : null}
      </div>
      <div className="report-paper report-paper--print">{f ? <ReportDocument doc={job.doc} f={f} /> : null}</div>
    </div>,
    document.body,
  );
}
