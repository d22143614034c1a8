/** Placeholder until the hub lands: says so plainly. */
import { UsageError, type RoleOptions } from '../cli/options.js';

export function startHubFromCli(_options: RoleOptions): Promise<{ stop(): Promise<void> }> {
  return Promise.reject(new UsageError('tavla hub is not built yet'));
}
