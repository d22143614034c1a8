/**
 * Boards and the hub on a real three-node NATS cluster (JetStream, its MQTT interface), each
 * replica dialling a different node first and given all three (`--broker` with a list). The node
 * a busy board uses is SIGKILLed during its edits: the board fails over to the next node, keeps its
 * outbox, reconciles, and every acknowledged edit is on every replica, equal field by field, within
 * CONVERGE_MS of the last acknowledgement (docs/protocol.md, "Broker lists and clustered brokers").
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NatsCluster, type NatsNode } from '../support/nats-cluster.js';
import { suiteBrokers } from '../support/test-broker.js';
import { storedFields, TavlaProcess } from '../support/tavla-process.js';
import { tempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait.js';

const M = 'testby';
const UNIT = { name: 'Solsiden', kind: 'nursing-home', beds: [{ label: '101' }, { label: '102' }] };
/**
 * The stated bound: every replica equal this long after the last acknowledged edit. Before the link
 * asked again for a refused subscription on the same node: 13 s, 26 s and 49 s, and one fault run
 * past the bound (shared 2-core machine, load 14–17). Since: 0.1–4.2 s in seven runs, board A
 * connected again 11.7–38.1 s after the SIGKILL (docs/protocol.md, "What a node loss does to
 * NATS's MQTT sessions"). The bound stays: the machine it runs on is often far more loaded.
 */
const CONVERGE_MS = 60_000;
/** `npm run test:fault` runs this (26–60 s since the retry); `npm test` leaves it out to stay cheap. */
const RUN = suiteBrokers().includes('nats');

interface TaskList {
  tasks: { id: string }[];
}

describe.runIf(RUN)('a three-node NATS cluster that loses the node a busy board uses', () => {
  let dir: ReturnType<typeof tempDir>;
  let cluster: NatsCluster;
  const running: TavlaProcess[] = [];

  const list = (...nodes: NatsNode[]) => nodes.map((node) => node.url).join(',');
  const start = async (options: ConstructorParameters<typeof TavlaProcess>[0]) => {
    const p = await TavlaProcess.start(options);
    running.push(p);
    return p;
  };
  const connectedAndDrained = (p: TavlaProcess) =>
    waitFor(() => p.health(), (h) => h.broker === 'connected' && h.outbox === 0, { what: `${p.options.data} drained`, timeout: CONVERGE_MS });

  beforeEach(async () => {
    dir = tempDir('tavla-nats-');
    cluster = await NatsCluster.start(dir.path);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
    await cluster.stop();
    dir.remove();
  });

  it('fails a board over to another node, loses no acknowledged edit, and every replica is equal within the stated time', async () => {
    const [n1, n2, n3] = cluster.nodes;
    const hub = await start({ role: 'hub', municipality: M, broker: list(n3, n1, n2), data: `${dir.path}/hub` });
    const a = await start({ role: 'board', municipality: M, unit: 'solsiden', broker: list(n1, n2, n3), data: `${dir.path}/a` });
    const b = await start({ role: 'board', municipality: M, unit: 'solsiden', broker: list(n2, n3, n1), data: `${dir.path}/b` });
    await a.id('unit.configure', UNIT);
    await Promise.all([a, b, hub].map(connectedAndDrained));
    const clientOf = async (p: TavlaProcess) => `tavla-${String((await p.health()).nodeId)}`;
    // Each replica is on the first node of its own list.
    for (const [p, node] of [[a, n1], [b, n2], [hub, n3]] as const) expect(await node.mqttClients()).toContain(await clientOf(p));

    const acknowledged: string[] = [];
    const edit = async (p: TavlaProcess, n: number) => {
      for (let i = 0; i < n; i += 1) acknowledged.push(await p.id('task.create', { title: `${p.options.data.slice(-1)}-${i}` }));
    };
    const editing = Promise.all([edit(a, 200), edit(b, 100)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await n1.kill('SIGKILL');
    const killedAt = Date.now();
    // Board A's node is gone; it is connected again to the next node of its list while n1 stays down.
    const aClient = await clientOf(a);
    await waitFor(() => n2.mqttClients(), (clients) => clients.includes(aClient), { what: 'board A on n2', timeout: CONVERGE_MS });
    await waitFor(() => a.health(), (h) => h.broker === 'connected', { what: 'board A connected', timeout: CONVERGE_MS }).catch((error: unknown) => {
      throw new Error(`${String(error)}\nboard A's log: ${a.output.slice(-4000)}\nn2: ${n2.log.slice(-3000)}`);
    });
    const failover = Date.now() - killedAt;
    await editing;
    const lastAck = Date.now();
    expect(acknowledged).toHaveLength(300);
    expect(n1.running).toBe(false);

    const everyone = [a, b, hub];
    await Promise.all(everyone.map(connectedAndDrained));
    for (const p of [a, b]) {
      const ids = await waitFor(() => p.state<TaskList>(), (s) => s.tasks.length === 300, { what: `300 tasks on ${p.options.data}`, timeout: CONVERGE_MS });
      expect(ids.tasks.map((t) => t.id).sort()).toEqual([...acknowledged].sort());
    }
    const onHub = await waitFor(() => hub.state<{ units: TaskList[] }>(), (s) => s.units[0]?.tasks.length === 300, { what: 'the hub holds every task', timeout: CONVERGE_MS });
    expect(onHub.units[0].tasks.map((t) => t.id).sort()).toEqual([...acknowledged].sort());
    await waitFor(
      () => everyone.map((r) => storedFields(r.databaseFile, 'solsiden').join('\n')),
      (all) => all.every((fields) => fields === all[0]),
      { what: 'replicas equal', timeout: Math.max(1, CONVERGE_MS - (Date.now() - lastAck)) },
    );
    const equalAfter = Date.now() - lastAck;
    expect(equalAfter).toBeLessThanOrEqual(CONVERGE_MS);
    console.log(`NATS failover: board A connected again ${failover} ms after its node was SIGKILLed; replicas equal ${equalAfter} ms after the last acknowledged edit`);
  }, 240_000);
});
