import * as z from 'zod/mini';
import { ComplaintSchema } from '../../shared/schema/complaint';
import { EventSchema } from '../../shared/schema/event';
import { ComplaintSubmissionSchema } from '../../shared/schema/submission';

type JsonSchema = Record<string, unknown>;

/** The server refuses unknown keys (see intake/unknown-keys.ts); the published schema says so. */
export function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as JsonSchema;
  if (obj.type === 'object' && obj.properties && obj.additionalProperties === undefined) {
    obj.additionalProperties = false;
  }
  for (const value of Object.values(obj)) closeObjects(value);
}

function toJsonSchema(schema: z.core.$ZodType, { closed = false } = {}): JsonSchema {
  // `input`: what a client sends (defaults optional, before transforms).
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  if (closed) closeObjects(json);
  return json;
}

let cache: { submission: JsonSchema; event: JsonSchema; complaint: JsonSchema } | undefined;

/** JSON Schemas (2020-12) generated from the shared zod schemas, built once. */
export function jsonSchemas() {
  cache ??= {
    submission: toJsonSchema(ComplaintSubmissionSchema, { closed: true }),
    event: toJsonSchema(EventSchema),
    complaint: toJsonSchema(ComplaintSchema),
  };
  return cache;
}
