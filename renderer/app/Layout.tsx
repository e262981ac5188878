import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isDesktop } from '../platform';
import { CaptureButton } from '../features/wins/CaptureDialog';
import { ScreenIcon } from './icons';
import { SCREENS, pathOf, shortcutKeyOf } from './routes';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={(event) => {
        // Hash routing owns the URL fragment, so move focus by hand instead of following the link.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('app.mainNavigation')}>
        <div className="brand">
          <Logo />
          <div>
            <div className="brand__name">{t('app.name')}</div>
            <div className="brand__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <ul className="nav">
          {SCREENS.map((screen) => {
            const active = location === pathOf(screen) || location.startsWith(`${pathOf(screen)}/`);
            const keys = `${isMac ? '⌘' : 'Ctrl+'}${shortcutKeyOf(screen)}`;
            return (
              <li key={screen} className={screen === 'settings' ? 'nav__item nav__item--bottom' : 'nav__item'}>
                <Link
                  href={pathOf(screen)}
                  className={active ? 'nav__link nav__link--active' : 'nav__link'}
                  aria-current={active ? 'page' : undefined}
                  title={t('nav.shortcut', { keys })}
                  aria-keyshortcuts={isDesktop() ? undefined : `${isMac ? 'Meta' : 'Control'}+${shortcutKeyOf(screen)}`}
                >
                  <ScreenIcon screen={screen} />
                  <span>{t(`nav.${screen}`)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        <CaptureButton label={t('nav.logWin')} className="sidebar__capture" />
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** Two overlapping hats: sales and marketing, one person. */
function Logo() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="9" fill="var(--sales)" opacity="0.9" />
      <circle cx="20" cy="16" r="9" fill="var(--marketing)" opacity="0.9" />
    </svg>
  );
}
