import { describe, expect, it } from 'vitest';
import { mayPublish, maySubscribe, parseAcl } from '../../../main/sync/broker-acl.js';

const ACL = parseAcl(`# as tavla provision writes it
user fjordvik-hub
topic readwrite tavla/v1/fjordvik/#

user fjordvik-solsiden-1
topic readwrite tavla/v1/fjordvik/solsiden/#
topic read tavla/v1/fjordvik/_hub/presence/#
`);

describe('the broker ACL the embedded broker enforces', () => {
  it.each([
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/solsiden/changes/b1', true],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/fjellro/changes/b1', false],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/_hub/presence/h1', false],
    // As in MQTT and Mosquitto, a/# also matches its parent level a.
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/solsiden', true],
    ['fjordvik-hub', 'tavla/v1/fjordvik/_hub/presence/h1', true],
    ['fjordvik-hub', 'tavla/v1/sandvik/solsiden/changes/x', false],
    ['fjordvik-unknown-1', 'tavla/v1/fjordvik/solsiden/changes/b1', false],
  ])('%s may publish on %s: %s', (identity, topic, allowed) => {
    expect(mayPublish(ACL, identity, topic)).toBe(allowed);
  });

  it.each([
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/solsiden/changes/+', true],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/_hub/presence/+', true],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/+/changes/+', false],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/#', false],
    ['fjordvik-solsiden-1', 'tavla/v1/fjordvik/fjellro/#', false],
    ['fjordvik-solsiden-1', '#', false],
    ['fjordvik-hub', 'tavla/v1/fjordvik/+/changes/+', true],
  ])('%s may subscribe to %s: %s', (identity, filter, allowed) => {
    expect(maySubscribe(ACL, identity, filter)).toBe(allowed);
  });

  it('refuses a line it does not know rather than guess', () => {
    expect(() => parseAcl('user a\npattern readwrite tavla/%u/#\n')).toThrow(/ACL line 2/);
  });
});
