/**
 * The renderer's Content Security Policy, one definition for both shells: Electron sends it as a
 * header on every app:// response, and the browser build carries it in a <meta> tag.
 *
 * Everything comes from the app's own origin: Vite emits no inline scripts in a build, React and
 * Chart.js need no eval (Chart.js draws on a canvas and sets styles through the CSSOM), fonts are
 * the system's. Inline styles stay allowed for React's `style` props.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** A <meta> policy cannot carry frame-ancestors (browsers ignore it there, with a console error). */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
