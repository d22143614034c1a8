/**
 * The headless host: the renderer over HTTP, the API as POST /api/<command>, pushed events and
 * commands over WebSocket /api/events. Loopback unless told otherwise (the hub's leader address).
 * Every request passes the request guard first (Host, Origin, JSON, a path that decodes).
 */

import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventMessage, WireRequest, WireResponse } from '../../shared/api/contract.js';
import { fail, type ErrorCode, type Result } from '../../shared/api/result.js';
import { logger } from '../log.js';
import type { EventListener } from '../board/board-service.js';
import { bearerMatches, OPERATOR_TOKEN_FILE } from './operator-token.js';
import { RefusedRequests } from './refused-requests.js';
import { decodedPath, hostAllowed, hostNamesFor, isJsonContentType, originAllowed, type HostNames } from './request-guard.js';
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
  // The browser's transport sets these two itself; main answers them only as a gateway would.
  offline: 503,
  timeout: 504,
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

/** Where and how a host listens. */
export interface HostOptions {
  port: number;
  /** The address to bind (default 127.0.0.1). */
  host?: string;
  rendererRoot?: string;
  /** More names the host answers to besides its addresses (`--host-names`). */
  hostNames?: readonly string[];
  /** When set, `GET /api/state` answers only `Authorization: Bearer <this>` (the hub's operator token). */
  operatorToken?: string;
  /** Who may call: a leader address's sign-in or device tokens; absent, every caller is the target. */
  gate?: AccessGate;
  /**
   * The hub's VKP reader (docs/alarms.md): `POST /fhir/Bundle` hands it the body, with the operator
   * token as for `/api/state`. Answers what became of the bundle and, when refused, why.
   */
  fhirBundle?: (text: string) => Promise<{ outcome: 'imported' | 'duplicate' | 'rejected' | 'failed'; alarmId: string | null; reason: string | null }>;
  /**
   * The hub's operator endpoints besides `/api/state` (the VKP patient mapping, docs/alarms.md):
   * each needs the operator token, as `/api/state` does.
   */
  operatorApi?: OperatorApi;
}

/** Operator endpoints: the paths they serve, and for each request its method and JSON body in, a status and JSON body out. */
export interface OperatorApi {
  serves(path: string): boolean;
  handle(method: string, path: string, body: unknown): { status: number; body: unknown };
}

/** Starts a host for a board or the hub; the URL it prints is one its guard lets through. */
export async function startHost(target: HostTarget, options: HostOptions): Promise<RunningHost> {
  const root = options.rendererRoot ?? RENDERER_ROOT;
  const bind = options.host ?? '127.0.0.1';
  // Known once the port is (0 picks one); no request arrives before.
  let names: HostNames = { authorities: new Set(), origins: new Set() };
  const refused = new RefusedRequests();
  const { gate } = options;
  const server = createServer((req, res) => {
    handleHttp({ target, root, names, refused, operatorToken: options.operatorToken, gate: options.gate, fhirBundle: options.fhirBundle, operatorApi: options.operatorApi }, req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'internal error'));
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseRequest(req, names);
    if (refusal) refused.note(req, refusal.status, refusal.message);
    const status = refusal?.status ?? (decodedPath(req.url) === '/api/events' ? undefined : 404);
    if (status !== undefined) {
      // A plain HTTP answer, so a client can tell a wrong Host (421) from a wrong Origin (403).
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const caller = gate ? gate.targetOf(req) : target;
    if (!caller) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(caller, ws));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bind, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  names = hostNamesFor(bind, port, options.hostNames);
  return {
    server,
    // An IPv6 address goes in brackets in a URL (`--leader-host ::`).
    url: `http://${bind.includes(':') ? `[${bind}]` : bind}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Why a request is refused before anything is read, if it is: a Host that is not this host's
 * (DNS rebinding: 421), an Origin that is not its own (another site's page: 403).
 */
function refuseRequest(req: IncomingMessage, names: HostNames): { status: number; message: string } | undefined {
  if (!hostAllowed(req.headers.host, names)) {
    return { status: 421, message: 'this host does not answer to that Host name: open it by its address, or configure the name with --host-names' };
  }
  if (!originAllowed(req.headers.origin, req.headers.host, names)) {
    return { status: 403, message: "refused: the request comes from another site's page (Origin)" };
  }
  return undefined;
}

interface HttpContext {
  target: HostTarget;
  root: string;
  names: HostNames;
  refused: RefusedRequests;
  operatorToken: string | undefined;
  gate: AccessGate | undefined;
  fhirBundle: HostOptions['fhirBundle'];
  operatorApi: HostOptions['operatorApi'];
}

async function handleHttp({ target, root, names, refused, operatorToken, gate, fhirBundle, operatorApi }: HttpContext, req: IncomingMessage, res: ServerResponse) {
  const refuse = (status: number, code: ErrorCode, message: string) => {
    refused.note(req, status, message);
    sendJson(res, status, fail(code, message));
  };
  // The operator's own routes (state, FHIR bundles, the VKP mapping) take the token in the hub's data folder.
  const refuseOperator = () => {
    res.setHeader('www-authenticate', 'Bearer realm="tavla operator"');
    refuse(401, 'unauthorized', `send Authorization: Bearer <the token in the file ${OPERATOR_TOKEN_FILE} of the hub's data folder>`);
  };
  const refusal = refuseRequest(req, names);
  if (refusal) return refuse(refusal.status, 'unauthorized', refusal.message);
  const path = decodedPath(req.url);
  if (path === undefined) return refuse(400, 'invalid-input', 'the path is not valid percent-encoded UTF-8');
  if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { ...target.health(), refusedRequests: refused.count });
  if (gate && (await gate.intercept(req, res))) return;
  if (req.method === 'GET' && path === '/api/state') {
    if (!target.stateSnapshot) return sendJson(res, 404, fail('not-found', 'no state is served here'));
    if (operatorToken !== undefined && !bearerMatches(req.headers.authorization, operatorToken)) {
      return refuseOperator();
    }
    return sendJson(res, 200, target.stateSnapshot());
  }
  if (req.method === 'POST' && path === '/fhir/Bundle' && fhirBundle) {
    if (operatorToken === undefined || !bearerMatches(req.headers.authorization, operatorToken)) {
      return refuseOperator();
    }
    const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (type !== 'application/fhir+json' && type !== 'application/json') return refuse(415, 'invalid-input', 'send the bundle as Content-Type: application/fhir+json');
    const body = await readJson(req);
    if (!body.ok) return sendJson(res, body.status, fail('invalid-input', body.message));
    const taken = await fhirBundle(JSON.stringify(body.value));
    const status = { imported: 201, duplicate: 200, rejected: 422, failed: 503 }[taken.outcome];
    return sendJson(res, status, taken);
  }
  if (operatorApi && operatorToken !== undefined && operatorApi.serves(path)) {
    if (!bearerMatches(req.headers.authorization, operatorToken)) {
      return refuseOperator();
    }
    if (!isJsonContentType(req.headers['content-type'])) return refuse(415, 'invalid-input', 'send the body as Content-Type: application/json');
    const body = await readJson(req);
    if (!body.ok) return sendJson(res, body.status, fail('invalid-input', body.message));
    const answer = operatorApi.handle(req.method ?? '', path, body.value);
    return sendJson(res, answer.status, answer.body);
  }
  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid-input', 'use POST /api/<command>'));
    // A form or a text/plain fetch from another page cannot send JSON without asking first (CORS).
    if (!isJsonContentType(req.headers['content-type'])) return refuse(415, 'invalid-input', 'send the body as Content-Type: application/json');
    const caller = gate ? gate.targetOf(req) : target;
    if (!caller) return sendJson(res, 401, fail('unauthorized', 'sign in first: open this address in a browser'));
    const body = await readJson(req);
    if (!body.ok) return sendJson(res, body.status, fail('invalid-input', body.message));
    // No actor from the client: who did it comes from the session inside the services.
    const result = caller.dispatch(path.slice('/api/'.length), body.value);
    return sendJson(res, result.ok ? 200 : STATUS[result.code], result);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('invalid-input', 'method not allowed'));
  serveStatic(root, path, res);
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
