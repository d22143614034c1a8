/** The renderer's one API client: IPC inside Electron, WebSocket in a browser. */

import { createApiClient, type ApiClient } from '../../../shared/api/client.js';
import { createIpcTransport } from './ipc-transport.js';
import { createWebSocketTransport } from './websocket-transport.js';

const transport = window.tavla ? createIpcTransport(window.tavla) : createWebSocketTransport();

/** The typed client every state class uses; components never see the transport. */
export const api: ApiClient = createApiClient(transport);
