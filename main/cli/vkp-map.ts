/**
 * `tavla vkp-map import|remove <file.csv>` and `tavla vkp-map list`: the hub's VKP patient mapping
 * (main/alarm/vkp-mapping.ts) for IT on the hub machine; the hub may be running (the table is
 * hub-local, nothing syncs). The identifiers come in a file, not as arguments, so none lands in a
 * shell's history; no line printed repeats one.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listVkpMappings, mapVkpPatient, unmapVkpPatient, vkpSecret } from '../alarm/vkp-mapping.js';
import { openDatabase } from '../store/database.js';
import { required, UsageError } from '../config/options.js';
import type { ParsedCommand } from './options.js';

interface Row {
  line: number;
  identifier: string;
  system?: string;
  stay: string;
}

/**
 * The rows of a mapping file: a header naming `identifier`, `stay` (to import) and optionally
 * `system`, in any order, separated by commas or semicolons (a spreadsheet's export in Norwegian settings).
 */
export function readMappingCsv(text: string, needsStay = true): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const cells = (line: string) => line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
  const names = cells(header).map((c) => c.toLowerCase());
  const at = (name: string) => names.indexOf(name);
  if (at('identifier') < 0 || (needsStay && at('stay') < 0)) {
    throw new UsageError(`the first line of the file names the columns: ${needsStay ? 'identifier,system,stay (system may be left empty)' : 'identifier,system (system may be left out)'}`);
  }
  const rows: Row[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    const c = cells(line);
    const system = at('system') >= 0 ? c[at('system')] : undefined;
    rows.push({ line: index + 1, identifier: c[at('identifier')] ?? '', ...(system ? { system } : {}), stay: c[at('stay')] ?? '' });
  }
  return rows;
}

/** Runs one vkp-map action; returns the exit code. */
export function vkpMap({ options, path: action, file }: ParsedCommand): number {
  const dataDir = options.data ?? join('.tavla', required(options.municipality, 'municipality', 'vkp-map'), '_hub');
  const store = join(dataDir, 'hub.sqlite');
  if (!existsSync(store)) throw new UsageError(`no hub store in ${dataDir} (hub.sqlite): check --data, or start the hub once first`);
  if (action !== 'import' && action !== 'remove' && action !== 'list') throw new UsageError(`tavla vkp-map: ${action ?? ''} is not import, remove or list`);
  const db = openDatabase(store);
  try {
    if (action === 'list') {
      for (const m of listVkpMappings(db)) console.log(`${m.unit}\t${m.stay}\tmapped ${m.mappedAt} by ${m.mappedBy}\t${m.active ? 'active' : 'stay ended: does not match'}`);
      return 0;
    }
    if (file === undefined || !existsSync(file)) throw new UsageError(`no such file: ${file ?? ''}`);
    const rows = readMappingCsv(readFileSync(file, 'utf8'), action === 'import');
    const secret = vkpSecret(dataDir);
    let refused = 0;
    for (const row of rows) {
      const { line, stay, ...identifier } = row;
      if (action === 'import') {
        const mapped = mapVkpPatient(db, secret, { ...identifier, stayId: stay }, 'operator (vkp-map)', new Date());
        if (mapped.ok) console.log(`line ${line}: mapped to stay ${mapped.stayId} (${mapped.unit})`);
        else {
          refused++;
          console.log(`line ${line}: REFUSED — ${mapped.reason}`);
        }
      } else {
        const removed = unmapVkpPatient(db, secret, identifier);
        if (!removed.ok) {
          refused++;
          console.log(`line ${line}: REFUSED — ${removed.reason}`);
        } else console.log(`line ${line}: ${removed.removed ? 'removed' : 'was not mapped'}`);
      }
    }
    console.log(`${rows.length} row${rows.length === 1 ? '' : 's'}: ${rows.length - refused} ${action === 'import' ? 'mapped' : 'taken'}, ${refused} refused`);
    return refused === 0 ? 0 : 1;
  } finally {
    db.close();
  }
}
