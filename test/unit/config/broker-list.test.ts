import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../../main/config/options.js';
import { brokerUrls } from '../../../main/sync/broker-list.js';

describe('the broker option takes one broker or the nodes of a cluster', () => {
  it('keeps one URL as it is', () => {
    expect(parseOptions({ broker: 'mqtt://127.0.0.1:1883' }).broker).toBe('mqtt://127.0.0.1:1883');
  });

  it('takes a comma-separated list on the command line, spaces around the commas allowed', () => {
    const { broker } = parseOptions({ broker: 'mqtts://a.kommune.no:8883, mqtts://b.kommune.no:8883,mqtts://c.kommune.no:8883' });
    expect(broker).toBe('mqtts://a.kommune.no:8883,mqtts://b.kommune.no:8883,mqtts://c.kommune.no:8883');
    expect(brokerUrls(broker as string)).toEqual(['mqtts://a.kommune.no:8883', 'mqtts://b.kommune.no:8883', 'mqtts://c.kommune.no:8883']);
  });

  it('takes an array in a configuration file', () => {
    expect(parseOptions({ broker: ['mqtt://n1:1883', 'ws://n2:8080/mqtt'] }).broker).toBe('mqtt://n1:1883,ws://n2:8080/mqtt');
  });

  it.each([
    [{ broker: 'mqtt://a:1883,http://b' }, "--broker: 'http://b' is not an mqtt://, mqtts://, ws:// or wss:// URL"],
    [{ broker: 'mqtt://a:1883,,mqtt://b:1883' }, '--broker: an empty broker URL in the list'],
    [{ broker: 'mqtt://a:1883,mqtt://a:1883' }, "--broker: 'mqtt://a:1883' is listed twice"],
    [{ broker: [] }, '--broker: a list of at least one broker URL'],
    [{ broker: 1883 }, '--broker: an mqtt://, mqtts://, ws:// or wss:// URL, or a list of them'],
    [{ broker: Array.from({ length: 17 }, (_, i) => `mqtt://n${i}:1883`) }, '--broker: at most 16 broker URLs'],
  ])('refuses %j with a message naming the option', (raw, message) => {
    expect(() => parseOptions(raw)).toThrow(UsageError);
    expect(() => parseOptions(raw)).toThrow(message);
  });
});
