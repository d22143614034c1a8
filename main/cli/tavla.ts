/** The `tavla` command: parses the command line, starts one role and stops it cleanly on a signal. */

import { join } from 'node:path';
import { logger } from '../log.js';
import { startBoard } from '../runtime/board-runtime.js';
import { loadBrokerCredentials } from '../sync/broker-credentials.js';
import { parseCommandLine, required, syncPeriodMs, USAGE, UsageError, type ParsedCommand } from './options.js';

interface Running {
  stop(): Promise<void>;
}

async function start({ role, options }: ParsedCommand): Promise<Running> {
  switch (role) {
    case 'board': {
      const municipality = required(options.municipality, 'municipality', role);
      const unit = required(options.unit, 'unit', role);
      const board = await startBoard({
        municipality,
        unit,
        dataDir: options.data ?? join('.tavla', municipality, unit),
        port: options.port ?? 4780,
        broker: options.broker,
        hostNames: options.hostNames,
        brokerCredentials: loadBrokerCredentials(options),
        syncPeriodMs: syncPeriodMs(options),
        horizonMs: options.horizon,
      });
      console.log(`Tavla board ${municipality}/${unit} (${board.service.nodeId})`);
      console.log(board.host.url);
      return board;
    }
    case 'hub': {
      const { startHubFromCli } = await import('../runtime/hub-runtime.js');
      return startHubFromCli(options);
    }
    case 'demo': {
      const { startDemo } = await import('../runtime/demo-runtime.js');
      return startDemo(options);
    }
    case 'import-plo':
    case 'device-token':
    case 'provision':
      throw new Error(`${role} runs once and does not start a role`);
  }
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
  if (command.role === 'import-plo' || command.role === 'device-token' || command.role === 'provision') {
    try {
      if (command.role === 'provision') return await (await import('./provision-command.js')).provisionCommand(command);
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
