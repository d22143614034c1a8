/**
 * The PostgreSQL server of the tests (127.0.0.1:5432, trust auth, user postgres): whether one
 * answers, and a database of the test's own, created fresh and dropped afterwards.
 */

import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';

export const POSTGRES_PORT = 5432;
const ADMIN_URL = `postgres://postgres@127.0.0.1:${POSTGRES_PORT}/postgres`;

/** Whether a server accepts a connection on 127.0.0.1:5432 within a second. */
export function postgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(POSTGRES_PORT, '127.0.0.1');
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A uniquely named database, its URL (optionally through another port, e.g. a cut proxy), and its removal. */
export async function testDatabase(prefix = 'tavla_test'): Promise<{ name: string; url(port?: number): string; create(): Promise<void>; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const db = {
    name,
    url: (port = POSTGRES_PORT) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    create: () => admin(`CREATE DATABASE ${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
  await db.create();
  return db;
}

/** Runs one query on the database at `url` and returns its rows. */
export async function query<Row>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}
