import type { ButtonHTMLAttributes } from 'react';

/** `sales` and `marketing` use the two kinds' colours, for actions that switch between them. */
type Variant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'sales' | 'marketing';

export function Button({ variant = 'secondary', className, type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={['btn', `btn--${variant}`, className].filter(Boolean).join(' ')} {...props} />;
}
