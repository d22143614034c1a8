/** The one client the renderer uses: a transport-independent, typed view of the contract. */

import type { CommandInput, CommandName, CommandOutput, EventMap, EventName } from './contract.js';
import type { Result } from './result.js';

export interface Transport {
  call(command: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to every pushed event; returns the unsubscribe. */
  listen(handler: (event: EventName, data: unknown) => void): () => void;
}

export interface ApiClient {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<K extends EventName>(event: K, handler: (data: EventMap[K]) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (command, input) => transport.call(command, input) as never,
    on: (event, handler) =>
      transport.listen((name, data) => {
        if (name === event) handler(data as never);
      }),
  };
}
