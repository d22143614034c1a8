/**
 * The headless host: the renderer over HTTP, the API as POST /api/<command>, pushed events and
 * commands over WebSocket /api/events. Loopback unless told otherwise (the hub's leader address).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage, WireRequest, WireResponse } from '../../shared/api/contract.js';
import { fail, type ErrorCode, type Result } from '../../shared/api/result.js';
import { logger } from '../log.js';
import type { EventListener } from '../services/board-service.js';
import { serveStatic } from './static-files.js';

/** What a host serves: a board or the hub. */
export interface HostTarget {
  health(): Record<string, unknown>;
  /** The operator's `GET /api/state`; a target without it answers 404 there. */
  stateSnapshot?(): unknown;
  dispatch(command: string, input: unknown, actor?: string): Result<unknown>;
  subscribe(listener: EventListener): () => void;
}

export const RENDERER_ROOT = fileURLToPath(new URL('../../renderer/', import.meta.url));
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_WS_MESSAGE_BYTES = 256 * 1024;

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-command': 404,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'locked-out': 429,
  'storage-failed': 507,
  internal: 500,
};

/**
 * What stands in front of an address that needs sign-in (the hub's leader addresses): it answers
 * its own routes and says, per request, which target the caller may use.
 */
export interface AccessGate {
  /** Answers the request itself (sign-in, sign-out, a page that needs sign-in first); true when it did. */
  intercept(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The target the request's caller may use; undefined without a valid session or token (401). */
  targetOf(req: IncomingMessage): HostTarget | undefined;
}

export interface RunningHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startHost(
  target: HostTarget,
  options: { port: number; host?: string; rendererRoot?: string; gate?: AccessGate },
): Promise<RunningHost> {
  const rendererRoot = options.rendererRoot ?? RENDERER_ROOT;
  const { gate } = options;
  const server = createServer((req, res) => {
    handleHttp(target, rendererRoot, req, res, gate).catch((error: unknown) => {
      logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'internal error'));
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/events' || !sameOrigin(req)) {
      socket.destroy();
      return;
    }
    const caller = gate ? gate.targetOf(req) : target;
    if (!caller) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(caller, ws));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    // An IPv6 address goes in brackets in a URL (`--leader-host ::`).
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A WebSocket must come from a page this host served (no cross-site socket hijacking). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser: scripts and tests on loopback
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function handleHttp(target: HostTarget, root: string, req: IncomingMessage, res: ServerResponse, gate?: AccessGate) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, target.health());
  if (gate && (await gate.intercept(req, res))) return;
  if (req.method === 'GET' && url.pathname === '/api/state') {
    if (!target.stateSnapshot) return sendJson(res, 404, fail('not-found', 'no state is served here'));
    return sendJson(res, 200, target.stateSnapshot());
  }
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid-input', 'use POST /api/<command>'));
    const caller = gate ? gate.targetOf(req) : target;
    if (!caller) return sendJson(res, 401, fail('unauthorized', 'sign in first: open this address in a browser'));
    const command = url.pathname.slice('/api/'.length);
    const body = await readJson(req);
    if (!body.ok) return sendJson(res, body.status, fail('invalid-input', body.message));
    const result = caller.dispatch(command, body.value, actorOf(req));
    return sendJson(res, result.ok ? 200 : STATUS[result.code], result);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('invalid-input', 'method not allowed'));
  serveStatic(root, url.pathname, res);
}

function actorOf(req: IncomingMessage): string {
  const actor = req.headers['x-tavla-actor'];
  return typeof actor === 'string' && /^[\p{L}\p{N} .@_-]{1,80}$/u.test(actor) ? actor : 'api';
}

type JsonBody = { ok: true; value: unknown } | { ok: false; status: number; message: string };

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: `body larger than ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: 'the body is not valid JSON' };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function attachSocket(target: HostTarget, ws: WebSocket): void {
  const unsubscribe = target.subscribe((event, data) => {
    const message: EventMessage = { event, data };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
  ws.on('message', (raw) => {
    let request: WireRequest;
    try {
      request = JSON.parse(String(raw)) as WireRequest;
    } catch {
      return; // not JSON: nothing to answer to
    }
    if (typeof request !== 'object' || request === null || typeof request.id !== 'number') return;
    const result =
      typeof request.command === 'string'
        ? target.dispatch(request.command, request.input)
        : fail('invalid-input', 'command: expected a string');
    const response: WireResponse = { id: request.id, result };
    ws.send(JSON.stringify(response));
  });
}
