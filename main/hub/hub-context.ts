/**
 * What the hub's command handlers and its flow need of the hub — its store, its database, its
 * municipality and its events — so they depend on this, not on the service that composes them.
 */

import type { EventMap, EventName } from '../../shared/api/contract.js';
import type { Db } from '../store/database.js';
import type { FieldStore } from '../store/field-store.js';
import type { PseudonymSecret } from '../privacy/pseudonym.js';
import type { UnitReceipts } from './unit-receipts.js';

export interface HubContext {
  readonly db: Db;
  readonly store: FieldStore;
  readonly options: { readonly municipality: string };
  emit<K extends EventName>(event: K, data: EventMap[K]): void;
  /** When each unit last reported (the leader view's "data sist mottatt"); absent: every figure counts as live. */
  readonly receipts?: UnitReceipts;
  /** The secret PLO patients are keyed under: a virtual ward's keys made under another never match. */
  readonly pseudonyms: Pick<PseudonymSecret, 'fingerprint'>;
}
