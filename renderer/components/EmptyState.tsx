import { useId, type ReactNode } from 'react';

/** An honest placeholder: says what will be here, and never shows made-up figures. */
export function EmptyState({ title, body, badge, children }: { title: string; body: string; badge?: string; children?: ReactNode }) {
  const id = useId();
  return (
    <section className="empty-state" aria-labelledby={id}>
      {badge ? <span className="badge">{badge}</span> : null}
      <h2 id={id}>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
