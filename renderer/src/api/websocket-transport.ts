/**
 * The API transport in a browser: one WebSocket to /api/events on the page's own origin, carrying
 * both request/answer pairs and pushed events. It reconnects on its own; a call never hangs.
 */

import type { Transport } from '../../../shared/api/client.js';
import type { EventName, WireRequest } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';
import { backoffDelay } from '../../../shared/time/backoff.js';

export interface WebSocketTransportOptions {
  /** Defaults to ws(s)://<this page's host>/api/events. */
  url?: string;
  /** How long a call may wait for its answer (including for the socket to open). */
  requestTimeoutMs?: number;
  /** Reconnect backoff: the first delay, doubled per failed attempt up to the maximum. */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Calls waiting at once; more is a runaway loop, not a nurse tapping. */
  maxPending?: number;
}

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
  frame: string;
}

const OFFLINE = fail('offline', 'offline');

/** The browser transport; `close()` stops it for good (tests, page teardown). */
export function createWebSocketTransport(options: WebSocketTransportOptions = {}): Transport & { close(): void } {
  const url = options.url ?? defaultUrl();
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const backoffInitialMs = options.backoffInitialMs ?? 500;
  const backoffMaxMs = options.backoffMaxMs ?? 15_000;
  const maxPending = options.maxPending ?? 256;

  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: EventName, data: unknown) => void>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempts = 0;
  let sockets = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  function connect(): void {
    const ws = new WebSocket(url);
    const isReconnect = ++sockets > 1;
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      for (const call of pending.values()) ws.send(call.frame);
      // Events pushed while we were away are lost, and earlier calls may have failed offline:
      // tell listeners to re-read.
      if (isReconnect) emit('state.changed', { collections: [] });
    };
    ws.onmessage = (message) => receive(message.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      settleAll(OFFLINE);
      if (!closed) scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    // Jittered, so a ward's screens do not all knock at once after the host restarts.
    reconnectTimer = setTimeout(connect, backoffDelay(attempts, { baseMs: backoffInitialMs, capMs: backoffMaxMs }));
    attempts += 1;
  }

  function receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { id, result, event, data } = frame as Record<string, unknown>;
    if (typeof id === 'number') return settle(id, isResult(result) ? result : fail('internal', 'malformed answer'));
    if (typeof event === 'string') emit(event as EventName, data);
  }

  function emit(event: EventName, data: unknown): void {
    for (const listener of listeners) listener(event, data);
  }

  function settle(id: number, result: Result<unknown>): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  }

  function settleAll(result: Result<unknown>): void {
    for (const id of [...pending.keys()]) settle(id, result);
  }

  connect();

  return {
    call(command, input) {
      const state = socket?.readyState;
      // Closed and waiting to reconnect: say so at once rather than leave a tap hanging.
      if (state !== WebSocket.OPEN && state !== WebSocket.CONNECTING) return Promise.resolve(OFFLINE);
      if (pending.size >= maxPending) return Promise.resolve(fail('internal', 'too many calls waiting'));
      const id = nextId++;
      const request: WireRequest = { id, command, input };
      const frame = JSON.stringify(request);
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(id, fail('timeout', 'no answer in time')), timeoutMs);
        pending.set(id, { resolve, timer, frame });
        // A socket still connecting sends the frame in onopen.
        if (state === WebSocket.OPEN) socket?.send(frame);
      });
    },
    listen(handler) {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      socket?.close();
      socket = null;
      settleAll(OFFLINE);
    },
  };
}

function defaultUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/api/events`;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
