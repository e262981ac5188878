import type { ReactNode } from 'react';

/** An honest placeholder: says what will be here, and never shows made-up figures. */
export function EmptyState({ title, body, badge, children }: { title: string; body: string; badge?: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      {badge ? <span className="badge">{badge}</span> : null}
      <h2 id="empty-state-title">{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
