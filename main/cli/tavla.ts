/**
 * The `tavla` command: parses the command line, starts one role, prints what started (the runtimes
 * return it; only this file and the other commands of cli/ print) and stops it cleanly on a signal.
 */

import { join } from 'node:path';
import { boardSettings } from '../board/board-assembly.js';
import { required } from '../config/options.js';
import { logger, logToFile } from '../log.js';
import { startBoard } from '../runtime/board-runtime.js';
import type { DemoRuntime } from '../runtime/demo-runtime.js';
import { parseCommandLine, USAGE, UsageError, type ParsedCommand } from './options.js';

interface Running {
  stop(): Promise<void>;
}

async function start({ role, options }: ParsedCommand): Promise<Running> {
  switch (role) {
    case 'board': {
      const municipality = required(options.municipality, 'municipality', role);
      const unit = required(options.unit, 'unit', role);
      const settings = boardSettings({ ...options, municipality, unit }, options.data ?? join('.tavla', municipality, unit));
      const board = await startBoard({ ...settings, port: options.port ?? 4780 });
      console.log(`Tavla board ${municipality}/${unit} (${board.service.nodeId})`);
      console.log(board.host.url);
      return board;
    }
    case 'hub': {
      const { hubCommand } = await import('./hub-command.js');
      return hubCommand(options);
    }
    case 'demo': {
      const { demoDataDir, startDemo } = await import('../runtime/demo-runtime.js');
      // The demo's terminal is for its addresses and PINs: the JSON log goes into its data folder
      // (a terminal also shows warnings and errors, pretty-printed).
      const logFile = join(demoDataDir(options), 'tavla.log');
      const terminal = process.stdout.isTTY === true;
      logToFile(logFile, { terminal });
      console.log(`Tavla demo: starting; the log goes to ${logFile}${terminal ? ' (warnings and errors also here)' : ''}`);
      const demo = await startDemo(options);
      printDemo(demo);
      return demo;
    }
    case 'import-plo':
    case 'device-token':
    case 'provision':
    case 'vkp-map':
      throw new Error(`${role} runs once and does not start a role`);
  }
}

/** What a demo visitor needs, on a terminal or a pipe alike: every address, and the PINs that unlock the boards. */
function printDemo(demo: DemoRuntime): void {
  if (demo.brokerProblem) console.log(`The provisioned broker did not start: ${demo.brokerProblem}`);
  console.log(`Tavla demo: municipality ${demo.municipality}, ${demo.boards.length} boards and the hub, ready in ${(demo.readyMs / 1000).toFixed(1)} s`);
  console.log(demo.brokerDescription);
  console.log('Open this page for every board and the leader view (Ctrl-C stops everything):');
  console.log(demo.url);
  console.log(`Leader view: ${demo.url}`);
  if (demo.leaderScreenUrl) console.log(`The leader view as a wall screen shows it (read-only): ${demo.leaderScreenUrl}`);
  console.log('Boards:');
  for (const board of demo.boards) console.log(`  ${board.name}: ${board.url}`);
  console.log('Staff PINs (synthetic people; each unlocks every board):');
  for (const staff of demo.staff) console.log(`  ${staff.pin}  ${staff.name} (${staff.role})`);
  console.log(`The allocation office lists ${demo.office.patients} patients from synthetic PLO messages; PLO files put in ${demo.office.ploInbox} are imported`);
  console.log(`The hub's operator token for GET /api/state: ${demo.operatorTokenFile}`);
}

export async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tavla: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.role === 'import-plo' || command.role === 'device-token' || command.role === 'provision' || command.role === 'vkp-map') {
    try {
      if (command.role === 'provision') return await (await import('./provision-command.js')).provisionCommand(command);
      if (command.role === 'vkp-map') return (await import('./vkp-map.js')).vkpMap(command);
      const run = command.role === 'import-plo' ? (await import('./import-plo.js')).importPlo : (await import('./device-token.js')).deviceToken;
      return run(command);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`tavla: ${error.message}\n\n${USAGE}`);
      return 2;
    }
  }
  let running: Running;
  try {
    running = await start(command);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tavla: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`tavla: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping');
      running.stop().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
