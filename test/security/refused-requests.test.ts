/** Refused requests are counted one by one but logged at most once a minute, with the count since. */

import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusedRequests } from '../../main/host/refused-requests.js';
import { logger } from '../../main/log.js';

const request = { headers: { host: 'evil.example:4780', origin: 'http://evil.example' }, url: '/api/state' } as unknown as IncomingMessage;

describe('refused requests', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a page that keeps trying is counted every time and logged once a minute', () => {
    let now = 0;
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const refused = new RefusedRequests(() => now);
    for (let i = 0; i < 1000; i += 1) refused.note(request, 421, 'foreign Host');
    expect(refused.count).toBe(1000);
    expect(warn).toHaveBeenCalledTimes(1);
    now = 60_000;
    refused.note(request, 421, 'foreign Host');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1][0]).toMatchObject({ status: 421, host: 'evil.example:4780', origin: 'http://evil.example', refused: 1000, total: 1001 });
  });
});
