/** Builds the board UI into dist/renderer, which the headless host serves and Electron loads. */

import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  // Anchored to this file so the build does not depend on the directory it is run from.
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the same build works over http:// and from file:// in Electron.
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Kiosk screens run a current Chromium (Electron or Chromium kiosk); no legacy output.
    target: 'chrome120',
  },
});
