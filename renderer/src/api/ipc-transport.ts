/** The API transport inside Electron: one preload function per command, never a raw ipcRenderer. */

import type { TavlaBridge } from '../../../shared/api/bridge.js';
import type { Transport } from '../../../shared/api/client.js';
import type { CommandName } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';

type AnyCommand = (input: unknown) => Promise<Result<unknown>>;

/** Wraps the preload bridge as a Transport; a rejected invoke becomes an error result, not a throw. */
export function createIpcTransport(bridge: TavlaBridge): Transport {
  return {
    async call(command, input) {
      if (!Object.hasOwn(bridge.commands, command)) return fail('unknown-command', `unknown command ${command}`);
      const invoke = bridge.commands[command as CommandName] as AnyCommand;
      try {
        return await invoke(input);
      } catch (error) {
        // ipcRenderer.invoke rejects when main throws or the window is torn down mid-call.
        return fail('internal', error instanceof Error ? error.message : 'ipc call failed');
      }
    },
    listen: (handler) => bridge.onEvent(handler),
  };
}
