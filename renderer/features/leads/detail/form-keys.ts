/** The keyboard contract of the lead forms: Enter (or Ctrl/Cmd+Enter) saves, never while an IME is composing. */
import type { KeyboardEvent } from 'react';

/** True while the key press belongs to an input method (Japanese kana → kanji): Enter then confirms the text, it must not save. */
export function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * For a form's onKeyDown: Enter in a text field or a select submits the form; in a text area
 * Shift+Enter starts a new line and Enter submits only when `textareaEnterSubmits`; Ctrl/Cmd+Enter
 * submits from anywhere. Enter on a button or a link keeps its own meaning.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>, options: { textareaEnterSubmits?: boolean } = {}): void {
  if (event.key !== 'Enter' || isComposing(event) || event.altKey) return;
  const target = event.target as HTMLElement;
  const modified = event.ctrlKey || event.metaKey;
  if (!modified) {
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    if (target instanceof HTMLTextAreaElement && (event.shiftKey || !options.textareaEnterSubmits)) return;
  }
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
