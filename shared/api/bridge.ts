/**
 * The Electron preload bridge (`window.tavla`): one function per command, never a generic send.
 * The preload implements it with `satisfies TavlaBridge`; the renderer's IPC transport uses it.
 */

import type { CommandInput, CommandName, CommandOutput, EventName } from './contract.js';
import type { Result } from './result.js';

export type TavlaBridge = {
  readonly commands: { readonly [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>> };
  /** Subscribes to every pushed event; returns the unsubscribe. */
  onEvent(handler: (event: EventName, data: unknown) => void): () => void;
};

/** IPC channel names: one per command, derived from the contract, never typed by hand. */
export const commandChannel = (command: CommandName): string => `tavla:command:${command}`;
export const EVENT_CHANNEL = 'tavla:event';
