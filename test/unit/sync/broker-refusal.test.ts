import { describe, expect, it } from 'vitest';
import { classifyBrokerError } from '../../../main/sync/broker-refusal.js';

const error = (message: string, code?: unknown) => Object.assign(new Error(message), code === undefined ? {} : { code });

describe('why a broker connection failed', () => {
  it.each([
    [error('Connection refused: Not authorized', 5), 'not-authorised'],
    [error('Connection refused: Bad username or password', 4), 'not-authorised'],
    [error('Connection refused: Not authorized', 135), 'not-authorised'],
    [error('Connection refused: Server unavailable', 3), 'unreachable'],
    [error('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'certificate'],
    [error("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'certificate'],
    [error('sslv3 alert certificate revoked', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED'), 'certificate'],
    [error('TLS not authorized'), 'certificate'],
    [error('connect ECONNREFUSED 127.0.0.1:8883', 'ECONNREFUSED'), 'unreachable'],
    [error('getaddrinfo ENOTFOUND mqtt.example', 'ENOTFOUND'), 'unreachable'],
    [error('connack timeout'), 'unreachable'],
  ])('sorts %s as %s', (failure, reason) => {
    expect(classifyBrokerError(failure)).toBe(reason);
  });
});
