/** The Electron preload's `window.tavla`, typed from the shared bridge so the two never drift. */

import type { TavlaBridge } from '../../shared/api/bridge.js';

declare global {
  interface Window {
    /** Present only inside Electron; a browser page has no bridge and uses the WebSocket. */
    readonly tavla?: TavlaBridge;
  }
}

export {};
