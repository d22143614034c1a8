/**
 * Security in one place, denied by default: no navigation off the screen's own pages (the app's,
 * or on a leader screen the hub's leader view), no new windows, no webviews, no permissions. A
 * kiosk page never needs any of them, so nothing else is allow-listed.
 */

import { app, session, type WebContents } from 'electron';
import { logger } from '../log.js';

/** Applies the policy to the default session and to every web contents created from now on. */
export function setupSecurity(allowed: (url: string) => boolean): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn({ permission }, 'permission request denied');
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => harden(contents, allowed));
}

function harden(contents: WebContents, allowed: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn({ url }, 'new window denied');
    return { action: 'deny' };
  });
  // will-frame-navigate covers the main frame and every sub-frame; will-redirect covers server redirects.
  const stayOnApp = (event: { url: string; preventDefault(): void }) => {
    if (allowed(event.url)) return;
    logger.warn({ url: event.url }, 'navigation denied');
    event.preventDefault();
  };
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => {
    logger.warn('webview denied');
    event.preventDefault();
  });
}
