/** The four systems of the peers benchmark, by name. */

import { automerge } from './automerge.js';
import type { PeerSystem } from './system.js';
import { tavla } from './tavla.js';
import { tinybase } from './tinybase.js';
import { yjs } from './yjs.js';

export const SYSTEMS: readonly PeerSystem[] = [tavla, tinybase, automerge, yjs];

export function systemNamed(name: string): PeerSystem {
  const system = SYSTEMS.find((s) => s.name === name);
  if (!system) throw new Error(`no system ${name}: ${SYSTEMS.map((s) => s.name).join(', ')}`);
  return system;
}
