import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/server';
import { openApiDocument } from './openapi';

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const API = '/api/v1';
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

describe('the OpenAPI document', () => {
  const doc = openApiDocument('http://desk.test') as Doc;

  it('lists every route the app registers under /api/v1, and nothing else', () => {
    const app = testApp({ pool: undefined as never, kind: 'pglite' });
    const registered = new Set(
      app.routes
        .filter((r) => METHODS.has(r.method) && r.path.startsWith(`${API}/`))
        .map(
          (r) => `${r.method.toLowerCase()} ${r.path.slice(API.length).replace(/:(\w+)/g, '{$1}')}`,
        ),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method} ${path}`),
      ),
    );
    expect([...registered].sort()).toEqual([...documented].sort());
    expect(registered.size).toBeGreaterThan(15);
  });

  it('takes the shared schemas from zod, once, and every $ref resolves', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['ComplaintSubmission', 'Event', 'Complaint', 'Policy', 'Errors']),
    );
    expect(schemas.ComplaintSubmission!.additionalProperties).toBe(false);
    const text = JSON.stringify(doc);
    for (const ref of text.match(/"\$ref":"[^"]+"/g) ?? []) {
      const name = ref.slice(ref.lastIndexOf('/') + 1, -1);
      expect(schemas[name], ref).toBeDefined();
    }
    // Shared shapes are referenced where they are used, not copied.
    const sync = doc.paths['/sync']!.post!.responses['200'] as {
      content: { 'application/json': { schema: Record<string, unknown> } };
    };
    expect(sync.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SyncAnswer',
    });
    expect(
      (schemas.SyncAnswer!.properties as Record<string, { items?: unknown }>).events!.items,
    ).toEqual({ $ref: '#/components/schemas/Event' });
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('"$id"');
  });

  it('gives every operation its answers and a description for each', () => {
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const statuses = Object.keys(op.responses);
        expect(statuses.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const answer of Object.values(op.responses))
          expect((answer as { description?: string }).description).toBeTruthy();
      }
  });
});
