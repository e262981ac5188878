import { useEffect, useRef, type ReactNode } from 'react';

// The first screen after start-up leaves focus where the browser puts it (so Tab reaches the
// skip link first); every later screen change moves focus to the new title.
let appJustStarted = true;

/**
 * The screen's title. It takes focus when the user opens another screen, so keyboard and
 * screen-reader users land at the top of the new screen instead of on the link they pressed.
 */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (appJustStarted) {
      appJustStarted = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header className="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
