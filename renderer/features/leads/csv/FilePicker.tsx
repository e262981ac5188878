import { useId, useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Choosing the file: a labelled file input (keyboard: Tab to it and press Enter or Space, or
 * Ctrl+O anywhere on this screen) and a zone to drop a file on.
 */
export function FilePicker({
  inputRef,
  onFile,
  onManyFiles,
  compact = false,
  busy = false,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File) => void;
  onManyFiles: () => void;
  compact?: boolean;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);

  const accept = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) return onManyFiles();
    onFile(files[0] as File);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    accept(event.dataTransfer.files);
  };

  return (
    <div
      className={['csv-drop', compact ? 'csv-drop--compact' : '', over ? 'csv-drop--over' : ''].filter(Boolean).join(' ')}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      data-testid="csv-drop-zone"
    >
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="csv-drop__input visually-hidden"
        aria-keyshortcuts="Control+O"
        disabled={busy}
        onChange={(event) => {
          accept(event.currentTarget.files);
          // The same file chosen again (after fixing it in Excel) must fire a change too.
          event.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} className={`btn ${compact ? 'btn--secondary' : 'btn--primary'} csv-drop__choose`} aria-disabled={busy || undefined}>
        {t(compact ? 'leadCsv.import.another' : 'leadCsv.import.choose')}
      </label>
      <span className="csv-drop__text" aria-hidden="true">
        {over ? t('leadCsv.import.dropActive') : t('leadCsv.import.drop')}
        {compact ? null : <kbd className="csv-drop__kbd">Ctrl+O</kbd>}
      </span>
    </div>
  );
}
