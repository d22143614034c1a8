/** `<out>/provision.json`: what a provisioned folder holds, so a later run adds and never re-issues. */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Replica = z.strictObject({
  /** The file name of its configuration (`hub`, `solsiden-1`) and of its folder. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/),
  /** The certificate's CN and so the broker username: `<municipality>-hub`, `<municipality>-<unit>-<n>`. */
  identity: z.string().min(1),
  role: z.enum(['board', 'hub']),
  unit: z.string().optional(),
  /** A shared reception's board: the organisation it runs for (its private topics). */
  organisation: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type Replica = z.infer<typeof Replica>;

const Manifest = z.strictObject({
  v: z.literal(1),
  municipality: z.string(),
  broker: z.strictObject({
    host: z.string(),
    port: z.number().int(),
    /** The account the broker runs as when started by root; default `mosquitto`. */
    user: z.string().optional(),
  }),
  replicas: z.array(Replica),
});
export type Manifest = z.infer<typeof Manifest>;

/** The manifest's path inside a provisioned folder. */
export const manifestFile = (out: string) => join(out, 'provision.json');

/** Reads the manifest, or undefined for a folder never provisioned; a tampered one is an error. */
export function readManifest(out: string): Manifest | undefined {
  const file = manifestFile(out);
  if (!existsSync(file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = Manifest.safeParse(value);
  if (!parsed.success) throw new Error(`${file} is not a Tavla provision manifest: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Writes the manifest. */
export function writeManifest(out: string, manifest: Manifest): void {
  writeFileSync(manifestFile(out), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The replicas whose identities are in force. */
export const activeReplicas = (manifest: Manifest) => manifest.replicas.filter((replica) => !replica.revokedAt);
