/** Why a broker connection failed, in the three words an operator can act on (BrokerRefusal). */

import type { BrokerRefusal } from '../../shared/api/contract.js';

export type { BrokerRefusal };

/** CONNACK codes that mean "not you": MQTT 3.1.1 (2, 4, 5) and MQTT 5 (133–138). */
const NOT_AUTHORISED_CODES = new Set([2, 4, 5, 133, 134, 135, 138]);
/** Node's and OpenSSL's codes for a failed certificate check, ours or the broker's. */
const CERTIFICATE_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** Sorts an error from mqtt.js or the TLS socket under it. */
export function classifyBrokerError(error: Error & { code?: unknown }): BrokerRefusal {
  const { code } = error;
  if (typeof code === 'number') return NOT_AUTHORISED_CODES.has(code) ? 'not-authorised' : 'unreachable';
  if (typeof code === 'string' && CERTIFICATE_CODE.test(code)) return 'certificate';
  if (/TLS not authorized|certificate|SSL routines|alert/i.test(error.message)) return 'certificate';
  if (/not authori[sz]ed|bad user ?name or password/i.test(error.message)) return 'not-authorised';
  return 'unreachable';
}
