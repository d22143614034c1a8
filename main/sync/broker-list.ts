/** A broker option holds one URL or the comma-separated nodes of a clustered broker (validated in config/options.ts). */

/** The URLs of a broker option, in the order they are tried. */
export function brokerUrls(broker: string): string[] {
  return broker
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** The broker tried after `index` fails or drops: the next in the list, round and round. */
export function nextBroker(index: number, count: number): number {
  return count === 0 ? 0 : (index + 1) % count;
}
