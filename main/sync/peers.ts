/**
 * The peers a replica has heard announce themselves, per scope (a unit, or `_hub`), online or not;
 * which one to reconcile with; and the newcomer rule that decides which of two replicas starts the
 * exchange when they meet.
 */

import { HUB_SCOPE } from '../../shared/sync/protocol.js';

/** A replica's announcement as the newcomer rule reads it: when it came online, and its node id. */
export interface Arrival {
  at: string;
  node: string;
}

/**
 * Whether `self` is the newcomer of the two: the later `at`, or on a tie the smaller node id. Both
 * sides decide from the same pair of announced times, so exactly one of them initiates.
 */
export function isNewcomer(self: Arrival, peer: Arrival): boolean {
  if (self.at !== peer.at) return self.at > peer.at;
  return self.node < peer.node;
}

export class Peers {
  /** scope -> node -> online */
  private readonly scopes = new Map<string, Map<string, boolean>>();

  /** Records an announcement; true when the node has just come online (it was not online before). */
  announced(scope: string, node: string, online: boolean): boolean {
    const nodes = this.scopes.get(scope) ?? new Map<string, boolean>();
    this.scopes.set(scope, nodes);
    const wasOnline = nodes.get(node) ?? false;
    nodes.set(node, online);
    return online && !wasOnline;
  }

  /** The nodes online in a scope, in the order they were first heard. */
  online(scope: string): string[] {
    return [...(this.scopes.get(scope)?.entries() ?? [])].filter(([, online]) => online).map(([node]) => node);
  }

  /** The scopes any node announced itself in, online or not, `_hub` left out: the units heard of. */
  heardScopes(): string[] {
    return [...this.scopes.keys()].filter((scope) => scope !== HUB_SCOPE);
  }

  /** Whether a node announced itself as the hub (online or not). */
  isHub(node: string): boolean {
    return this.scopes.get(HUB_SCOPE)?.has(node) ?? false;
  }

  /** The connection dropped: every peer counts as offline until it is heard again. */
  allOffline(): void {
    for (const nodes of this.scopes.values()) for (const node of nodes.keys()) nodes.set(node, false);
  }

  /** Whom to reconcile a scope with: a board asks the hub when it is online, else any online board of the scope. */
  choose(scope: string, preferHub: boolean, random: () => number): string | undefined {
    if (preferHub) {
      const hubs = this.online(HUB_SCOPE);
      if (hubs.length > 0) return hubs[0];
    }
    const boards = this.online(scope);
    return boards[Math.floor(random() * boards.length)];
  }

  /** A board's digest-round targets: its unit with the hub's and the unit's online peers. */
  roundPeers(unit: string): { node: string; hub: boolean }[] {
    return [...this.online(HUB_SCOPE).map((node) => ({ node, hub: true })), ...this.online(unit).map((node) => ({ node, hub: false }))];
  }
}
