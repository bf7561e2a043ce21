import { jsonSchemas } from './json-schemas';

type Json = Record<string, unknown>;

const strip = ({ $schema: _s, ...rest }: Json): Json => rest;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (description: string) => json(ref('Errors'), description);
const bearer = [{ bearer: [] }];

const ISO = { type: 'string', format: 'date-time' };

/**
 * The OpenAPI 3.1 description of `/api/v1`, assembled by hand around the JSON Schemas generated
 * from the shared zod schemas (3.1 takes JSON Schema 2020-12 as is).
 */
export function openApiDocument(serverUrl?: string): Json {
  const s = jsonSchemas();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Complaint Desk server API',
      version: '1',
      description:
        'Intake for the embeddable complaint form, sync for the browser extension, and the team queue. ' +
        'Errors are `{errors:[{path, code, message}]}`, localized by Accept-Language (en, zh-CN).',
    },
    servers: [{ url: `${serverUrl ?? ''}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (cdt_…).' },
      },
      schemas: {
        ComplaintSubmission: strip(s.submission),
        Event: strip(s.event),
        Complaint: strip(s.complaint),
        IntakeAnswer: {
          type: 'object',
          required: ['id', 'caseNumber', 'receivedAt', 'replyDueAt'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            caseNumber: { type: 'string', examples: ['2611-0001'] },
            receivedAt: ISO,
            replyDueAt: ISO,
          },
        },
        Errors: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'code', 'message'],
                properties: {
                  path: {
                    type: 'string',
                    description: 'Dotted field path; empty for the whole request.',
                  },
                  code: { type: 'string', description: 'Message key, e.g. validation.email.' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
        Token: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: { type: 'string' },
            role: { enum: ['agent', 'handler', 'supervisor', 'manager', 'admin'] },
            createdAt: ISO,
            revokedAt: { type: ['string', 'null'], format: 'date-time' },
            secret: { type: 'string', description: 'Only in the answer that created it.' },
          },
        },
        Site: {
          type: 'object',
          properties: {
            key: { type: 'string' },
            origins: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    paths: {
      '/intake': {
        post: {
          summary: 'Submit a complaint (public; for <complaint-form>)',
          description:
            'Idempotent on `id`. CORS only for the origins registered for `site`. A filled honeypot is ' +
            'answered 202 and nothing is stored. With photos, send multipart/form-data: the JSON in a ' +
            '`submission` part and up to 3 `images` parts (≤ 1 MB each; JPEG, PNG or WebP by their ' +
            'bytes), stored with the registration; a repeat stores nothing again. A complaint from ' +
            'the same phone or email on the same category within the policy window is registered as ' +
            'a second complaint (`secondComplaintOf`).',
          parameters: [{ name: 'Accept-Language', in: 'header', schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('ComplaintSubmission') },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['submission'],
                  properties: {
                    submission: ref('ComplaintSubmission'),
                    images: {
                      type: 'array',
                      maxItems: 3,
                      items: { type: 'string', format: 'binary', maxLength: 1_048_576 },
                    },
                  },
                },
                encoding: {
                  submission: { contentType: 'application/json' },
                  images: { contentType: 'image/jpeg, image/png, image/webp' },
                },
              },
            },
          },
          responses: {
            201: json(ref('IntakeAnswer'), 'Registered.'),
            200: json(ref('IntakeAnswer'), 'A repeat of an earlier submission: its first answer.'),
            202: { description: 'Discarded as spam; nothing stored.' },
            400: errors(
              'Not valid (field errors), not JSON, malformed form data, an image that is not JPEG/PNG/WebP, or sent too fast.',
            ),
            403: errors('The origin is not registered for the site, or the site is unknown.'),
            409: errors('The id was already used with a different body.'),
            413: errors('Over the body limit, an image over 1 MB, or more than 3 images.'),
            415: errors('Neither JSON nor multipart/form-data.'),
            429: {
              ...errors('Rate limited; see Retry-After.'),
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
            },
          },
        },
      },
      '/sync': {
        post: {
          summary: "Push the extension's pending events; pull the log since a cursor",
          description:
            "Events are applied idempotently by id through the shared workflow with the token's role " +
            '(an event claiming another role is rejected). Rejected events come back with a reason key ' +
            'and a localized message. Pull pages hold at most 2,000 events; `more` asks for another call.',
          security: bearer,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    cursor: {
                      type: ['string', 'integer', 'null'],
                      description: 'The `cursor` of the last answer.',
                    },
                    events: { type: 'array', maxItems: 10_000, items: ref('Event') },
                  },
                },
              },
            },
          },
          responses: {
            200: json(
              {
                type: 'object',
                required: ['accepted', 'rejected', 'events', 'cursor', 'more'],
                properties: {
                  accepted: { type: 'array', items: { type: 'string', format: 'uuid' } },
                  rejected: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'reason', 'message'],
                      properties: {
                        id: { type: 'string' },
                        reason: {
                          type: 'string',
                          examples: ['workflow.illegal', 'sync.forgedRole'],
                        },
                        params: { type: 'object' },
                        message: { type: 'string' },
                      },
                    },
                  },
                  events: { type: 'array', items: ref('Event') },
                  cursor: { type: 'string' },
                  more: { type: 'boolean' },
                },
              },
              'Applied; the log since the cursor',
            ),
            400: errors('Not a sync request.'),
            401: errors('No valid token.'),
            413: errors('Over the body limit.'),
          },
        },
      },
      '/complaints': {
        get: {
          summary: 'The team queue, most recently updated first',
          security: bearer,
          parameters: [
            {
              name: 'status',
              in: 'query',
              schema: { type: 'string' },
              description: 'Comma-separated statuses.',
            },
            {
              name: 'severity',
              in: 'query',
              schema: { type: 'string' },
              description: 'Comma-separated levels L0–L4.',
            },
            { name: 'overdue', in: 'query', schema: { enum: ['true', 'false'] } },
            {
              name: 'assignee',
              in: 'query',
              schema: { type: 'string' },
              description: "The handler's id.",
            },
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: '`nextCursor` of the previous page.',
            },
          ],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  items: { type: 'array', items: ref('Complaint') },
                  nextCursor: { type: ['string', 'null'] },
                },
              },
              'One page',
            ),
            400: errors('A query parameter is not valid.'),
            401: errors('No valid token.'),
          },
        },
      },
      '/complaints/{id}': {
        get: {
          summary: 'One complaint: snapshot and event log',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  complaint: ref('Complaint'),
                  events: { type: 'array', items: ref('Event') },
                },
              },
              'The complaint',
            ),
            404: errors('No such complaint.'),
          },
        },
      },
      '/complaints/{id}/attachments/{attachmentId}': {
        get: {
          summary: 'A photo attached to a web-form complaint, as a download',
          description:
            'The bytes as received (type from their signature), with `Content-Disposition: attachment` ' +
            'and `X-Content-Type-Options: nosniff`. The ids are in the registration record (`attachments[].id`).',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            {
              name: 'attachmentId',
              in: 'path',
              required: true,
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: {
            200: {
              description: 'The image.',
              content: {
                'image/jpeg': { schema: { type: 'string', format: 'binary' } },
                'image/png': { schema: { type: 'string', format: 'binary' } },
                'image/webp': { schema: { type: 'string', format: 'binary' } },
              },
            },
            401: errors('No valid token.'),
            404: errors('No such attachment of this complaint.'),
          },
        },
      },
      '/complaints/{id}/events': {
        post: {
          summary: 'One action on a complaint',
          description:
            'The server fills what is omitted: `id`, `complaintId`, `at` (now) and `actor` (the token). ' +
            '`expectedVersion` guards against acting on stale state.',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['event'],
                  additionalProperties: false,
                  properties: {
                    expectedVersion: { type: 'integer', minimum: 0 },
                    event: {
                      type: 'object',
                      description: 'An Event; type and payload are required.',
                    },
                  },
                },
              },
            },
          },
          responses: {
            201: json(
              { type: 'object', properties: { complaint: ref('Complaint'), event: ref('Event') } },
              'Applied',
            ),
            200: json(
              { type: 'object', properties: { complaint: ref('Complaint'), event: ref('Event') } },
              'Already applied (same event id)',
            ),
            400: errors('Not a valid action.'),
            403: errors('The role may not do this, or the actor claims another role.'),
            404: errors('No such complaint.'),
            409: errors(
              'Stale version (the answer carries the current `version`), or the event id is taken.',
            ),
            422: errors('Illegal in the current state (a workflow reason).'),
          },
        },
      },
      '/reports/monthly': {
        get: {
          summary: 'The monthly complaint report (supervisors, managers, admins)',
          description:
            'JSON by default; CSV with `Accept: text/csv`, labelled in the Accept-Language.',
          security: bearer,
          parameters: [
            {
              name: 'month',
              in: 'query',
              required: true,
              schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
            },
          ],
          responses: {
            200: {
              description: 'The report',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            400: errors('No valid month.'),
            403: errors('Agents and handlers do not read reports.'),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness and database check',
          responses: { 200: { description: 'OK' }, 503: { description: 'Database unreachable' } },
        },
      },
      '/schema': {
        get: {
          summary: 'JSON Schema of the submission',
          responses: { 200: { description: 'JSON Schema 2020-12' } },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      '/me': {
        get: {
          summary: "The caller's token: id, name and role",
          security: bearer,
          responses: { 200: { description: '{id, name, role}' }, 401: errors('No valid token.') },
        },
      },
      '/policy': {
        get: {
          summary: "The organisation's resolved policy",
          security: bearer,
          responses: { 200: { description: 'PolicySchema JSON' }, 401: errors('No valid token.') },
        },
      },
      '/admin/policy': {
        get: {
          summary: 'Stored policy overrides',
          security: bearer,
          responses: { 200: { description: 'Overrides' }, 403: errors('Not an admin.') },
        },
        put: {
          summary: 'Replace the policy overrides (merged over the default policy)',
          security: bearer,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          responses: {
            200: { description: 'The resolved policy' },
            400: errors('Invalid policy.'),
            403: errors('Not an admin.'),
          },
        },
      },
      '/admin/tokens': {
        get: {
          summary: 'List tokens',
          security: bearer,
          responses: { 200: json({ type: 'array', items: ref('Token') }, 'Tokens') },
        },
        post: {
          summary: 'Create a token (the secret is shown once)',
          security: bearer,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['name', 'role'],
                  properties: { name: { type: 'string' }, role: { type: 'string' } },
                },
              },
            },
          },
          responses: {
            201: json(ref('Token'), 'Created'),
            400: errors('Invalid'),
            403: errors('Not an admin.'),
          },
        },
      },
      '/admin/tokens/{id}': {
        delete: {
          summary: 'Revoke a token',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { 204: { description: 'Revoked' }, 404: errors('No such live token.') },
        },
      },
      '/admin/sites': {
        get: {
          summary: 'List sites',
          security: bearer,
          responses: { 200: json({ type: 'array', items: ref('Site') }, 'Sites') },
        },
      },
      '/admin/sites/{key}': {
        put: {
          summary: 'Add a site or add origins to it',
          security: bearer,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { origins: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
          responses: { 200: json(ref('Site'), 'The site'), 400: errors('Invalid') },
        },
        delete: {
          summary: 'Remove a site',
          security: bearer,
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'Removed' }, 404: errors('No such site.') },
        },
      },
    },
  };
}
