/** Runs Debian's openssl CLI: every key, certificate and CRL of `tavla provision` comes from it. */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An openssl run that failed, with its stderr so the cause reaches the operator. */
export class OpensslError extends Error {}

/** Runs `openssl <args>` in `cwd`; throws OpensslError carrying openssl's own message. */
export async function openssl(args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('openssl', [...args], { cwd, maxBuffer: 1 << 20 });
    return stdout;
  } catch (error) {
    const failed = error as { code?: string; stderr?: string; message: string };
    if (failed.code === 'ENOENT') throw new OpensslError('openssl is not installed (Debian: apt-get install openssl)');
    throw new OpensslError(`openssl ${args[0]} failed: ${(failed.stderr ?? failed.message).trim()}`);
  }
}
