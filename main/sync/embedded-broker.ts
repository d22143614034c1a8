/**
 * The embedded MQTT broker (aedes) for the demo and for a hub started without --broker. Plain, it
 * has no TLS, identities or ACL (development only, and on loopback). Secured, it serves a folder
 * `tavla provision` wrote as Mosquitto would: TLS only, a client certificate from the CA (not
 * revoked) as the identity, and the same ACL file.
 */

import { Aedes, type AuthenticateError } from 'aedes';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { mayPublish, maySubscribe, parseAcl } from './broker-acl.js';

export interface EmbeddedBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The broker files of a provisioned folder (`brokerFiles` in main/provision). */
export interface SecuredBrokerFiles {
  key: string;
  cert: string;
  ca: string;
  crl: string;
  acl: string;
}

export async function startEmbeddedBroker(port: number, host = '127.0.0.1', secured?: SecuredBrokerFiles): Promise<EmbeddedBroker> {
  const aedes = secured ? await securedAedes(readFileSync(secured.acl, 'utf8')) : await Aedes.createBroker();
  const server: Server = secured
    ? createTlsServer(
        {
          key: readFileSync(secured.key),
          cert: readFileSync(secured.cert),
          ca: readFileSync(secured.ca),
          crl: readFileSync(secured.crl),
          requestCert: true,
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
        },
        aedes.handle,
      )
    : createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `${secured ? 'mqtts' : 'mqtt'}://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        // aedes.close ends every client connection; then the listener can close.
        aedes.close(() => server.close(() => resolve()));
      }),
  };
}

/** The certificate's CN is the identity, as Mosquitto's use_identity_as_username. */
const identities = new WeakMap<object, string>();

async function securedAedes(aclText: string): Promise<Aedes> {
  const acl = parseAcl(aclText);
  return Aedes.createBroker({
    authenticate: (client, _username, _password, done) => {
      const identity = (client.conn as TLSSocket).getPeerCertificate?.().subject?.CN;
      if (typeof identity !== 'string' || !acl.has(identity)) {
        return done(Object.assign(new Error('not authorised'), { returnCode: 5 }) as AuthenticateError, false);
      }
      identities.set(client, identity);
      done(null, true);
    },
    authorizePublish: (client, packet, done) => {
      // The broker's own messages (no client) pass; a client only within its grants.
      const identity = client ? identities.get(client) : undefined;
      if (client && !(identity && mayPublish(acl, identity, packet.topic))) return done(new Error(`not authorised to publish on ${packet.topic}`));
      done(null);
    },
    authorizeSubscribe: (client, subscription, done) => {
      const identity = identities.get(client);
      done(null, identity && maySubscribe(acl, identity, subscription.topic) ? subscription : null);
    },
  });
}
