/** The demo as a visitor starts it (`tavla demo` on a temp folder), for the e2e specs: its root URL, and the stop. */

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { tempDir } from './temp-dir.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startDemo(prefix: string, waitMs = 45_000): Promise<DemoProcess> {
  const data = tempDir(prefix);
  const child: ChildProcess = spawn(process.execPath, ['bin/tavla.js', 'demo', '--data', data.path, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the demo printed no URL: ${out}`)), waitMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/$/.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
      data.remove();
    },
  };
}

/**
 * One demo for all the tests of a spec file (call it at the file's top level): started before the
 * first test (given `waitMs` to print its URL), stopped after the last.
 */
export function demoPerFile(prefix: string, waitMs = 45_000): { readonly url: string } {
  let demo: DemoProcess | undefined;
  test.beforeAll(async () => {
    test.setTimeout(waitMs + 15_000);
    demo = await startDemo(prefix, waitMs);
  });
  test.afterAll(async () => {
    await demo?.stop();
  });
  return {
    get url() {
      if (!demo) throw new Error('the demo is not started: demoPerFile runs before the tests only');
      return demo.url;
    },
  };
}
