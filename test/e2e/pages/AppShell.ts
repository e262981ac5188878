import { expect, type Page } from '@playwright/test';
import { MESSAGES, type ScreenName } from './labels';
import type { Language } from '../fixtures';

/** The window: navigation and the screen heading. */
export class AppShell {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get messages() {
    return MESSAGES[this.language];
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(`.${path === '/' ? '/' : `/#${path}`}`);
    await expect(this.navigation).toBeVisible();
  }

  get navigation() {
    return this.page.getByRole('navigation', { name: this.messages.app.mainNavigation });
  }

  navLink(screen: ScreenName) {
    return this.navigation.getByRole('link', { name: this.messages.nav[screen], exact: true });
  }

  heading(screen: ScreenName) {
    return this.page.getByRole('heading', { level: 1, name: this.messages[screen].title, exact: true });
  }

  async goTo(screen: ScreenName): Promise<void> {
    await this.navLink(screen).click();
    await expect(this.heading(screen)).toBeVisible();
    await expect(this.navLink(screen)).toHaveAttribute('aria-current', 'page');
  }

  /** Use after the app's language changed. */
  switchLanguage(language: Language): void {
    this.language = language;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test/e2e/artifacts/${name}.png`, fullPage: false });
  }
}
