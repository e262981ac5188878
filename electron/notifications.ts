/** System notifications through Electron's main-process API (the renderer's bridge.notify). */
import type { Notification } from 'electron';

/** Shown notifications, kept reachable: one collected too early loses its click handler. */
const shown = new Set<Notification>();

/** Returns false where the system has no notifications (e.g. Linux without a notification daemon). */
export function showNotification(
  NotificationClass: typeof Notification,
  title: string,
  body: string,
  onClick?: () => void,
): boolean {
  if (!NotificationClass.isSupported()) return false;
  const notification = new NotificationClass({ title, body });
  shown.add(notification);
  const forget = () => shown.delete(notification);
  notification.on('click', () => {
    forget();
    onClick?.();
  });
  notification.on('close', forget);
  notification.on('failed', forget);
  notification.show();
  return true;
}
