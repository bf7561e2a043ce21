import * as z from 'zod/mini';
import { PolicySchema } from '../../shared/policy/policy';
import { ROLES, SEVERITY_LEVELS, STATUSES } from '../../shared/schema/codes';
import { ComplaintSchema } from '../../shared/schema/complaint';
import { EventSchema } from '../../shared/schema/event';
import { ComplaintSubmissionSchema } from '../../shared/schema/submission';
import { ReplyRequestSchema, ReportSendSchema } from '../notify/routes';
import { closeObjects } from './json-schemas';
import { EraseRequest, ExportRequest } from './privacy';

/**
 * The OpenAPI 3.1 description of `/api/v1`: a table of routes whose bodies, parameters and answers
 * are zod schemas, turned into JSON Schema (2020-12, which OpenAPI 3.1 takes as is) by
 * `z.toJSONSchema` in one pass, so shared shapes become `#/components/schemas/…` references.
 * openapi.test.ts checks that every route the app registers is here.
 */

type Json = Record<string, unknown>;
type Schema = z.core.$ZodType;

// Answers and bodies that exist only on the wire (the domain's shapes come from shared/).
const uuid = z.string().check(z.uuid());
const isoTime = z.iso.datetime({ offset: true });

const IntakeAnswer = z.object({
  id: uuid,
  caseNumber: z.string().register(z.globalRegistry, { examples: ['2611-0001'] }),
  receivedAt: isoTime,
  replyDueAt: isoTime,
});
const FormConfig = z.object({
  categories: z.array(
    z.object({ code: z.string(), labels: z.object({ en: z.string(), 'zh-CN': z.string() }) }),
  ),
});
const FieldError = z.object({
  path: z.string().register(z.globalRegistry, {
    description: 'Dotted field path; empty for the whole request.',
  }),
  code: z
    .string()
    .register(z.globalRegistry, { description: 'Message key, e.g. validation.email.' }),
  message: z.string(),
});
const Errors = z.object({ errors: z.array(FieldError) });
const Token = z.object({
  id: uuid,
  name: z.string(),
  role: z.enum(ROLES),
  department: z.nullable(
    z.string().register(z.globalRegistry, { description: 'A policy department code, or null.' }),
  ),
  createdAt: isoTime,
  revokedAt: z.nullable(isoTime),
  secret: z.optional(
    z.string().register(z.globalRegistry, { description: 'Only in the answer that created it.' }),
  ),
});
const Site = z.object({ key: z.string(), origins: z.array(z.string()) });
const Me = z.object({
  id: uuid,
  name: z.string(),
  role: z.enum(ROLES),
  department: z.nullable(z.string()),
});
const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.string(),
  time: z.optional(isoTime),
});

const SyncRequest = z.strictObject({
  cursor: z.optional(
    z.nullable(z.union([z.string().check(z.regex(/^\d{1,18}$/)), z.int().check(z.gte(0))])),
  ),
  events: z.optional(z.array(EventSchema).check(z.maxLength(10_000))),
});
const SyncAnswer = z.object({
  accepted: z.array(uuid),
  rejected: z.array(
    z.object({
      id: z.string(),
      reason: z.string().register(z.globalRegistry, {
        examples: ['workflow.illegal', 'sync.forgedRole'],
      }),
      params: z.optional(z.record(z.string(), z.unknown())),
      message: z.string(),
      afterSeq: z.int().register(z.globalRegistry, {
        description:
          'The log position (seq) when the event was refused: it stands after the events up to it.',
      }),
    }),
  ),
  events: z.array(EventSchema),
  cursor: z.string(),
  more: z.boolean(),
});
const commaList = (codes: readonly string[]) =>
  z.string().register(z.globalRegistry, {
    description: `Comma-separated, of: ${codes.join(', ')}.`,
  });
const ListQuery = z.object({
  status: z.optional(commaList(STATUSES)),
  severity: z.optional(commaList(SEVERITY_LEVELS)),
  overdue: z.optional(z.enum(['true', 'false'])),
  assignee: z.optional(z.string().check(z.maxLength(100))),
  q: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  cursor: z.optional(z.string()),
});
const ComplaintPage = z.object({
  items: z.array(ComplaintSchema),
  nextCursor: z.nullable(z.string()),
});
const ComplaintWithLog = z.object({ complaint: ComplaintSchema, events: z.array(EventSchema) });
const ActionRequest = z.strictObject({
  expectedVersion: z.optional(z.int().check(z.gte(0))),
  event: z.record(z.string(), z.unknown()).register(z.globalRegistry, {
    description: 'An Event; `type` and `payload` are required, the server fills the rest.',
  }),
});
const ActionAnswer = z.object({ complaint: ComplaintSchema, event: EventSchema });
const TokenRequest = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  role: z.enum(ROLES),
  department: z.optional(
    z.string().register(z.globalRegistry, { description: "One of the policy's department codes." }),
  ),
});
const SiteRequest = z.strictObject({
  origins: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)),
});
const PhotoForm = z.object({
  submission: ComplaintSubmissionSchema,
  images: z.optional(z.array(z.file().check(z.maxSize(1_048_576))).check(z.maxLength(3))),
});

/** Named schemas: each becomes `#/components/schemas/<name>` and is referenced, not repeated. */
const COMPONENTS: Record<string, Schema> = {
  ComplaintSubmission: ComplaintSubmissionSchema,
  Event: EventSchema,
  Complaint: ComplaintSchema,
  Policy: PolicySchema,
  IntakeAnswer,
  Errors,
  Token,
  Site,
  SyncRequest,
  SyncAnswer,
};

interface Route {
  summary: string;
  description?: string;
  /** Needs a bearer token. */
  auth?: boolean;
  query?: z.ZodMiniObject;
  body?: Schema;
  /** Other request bodies by media type (multipart with photos). */
  bodies?: Record<string, Schema>;
  /** Status → description, and the JSON answer's schema if any (or other media types). */
  responses: Record<number, string | [string, Schema | Record<string, Schema>]>;
}

const JsonObject = z.record(z.string(), z.unknown());
const E = (description: string): [string, Schema] => [description, Errors];
const NO_TOKEN = E('No valid token.');
const binary = z.string().register(z.globalRegistry, { format: 'binary' });

/** Every route of `/api/v1`, by path (OpenAPI `{param}` syntax) and method. */
export const ROUTES: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Route>>> = {
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
      body: ComplaintSubmissionSchema,
      bodies: { 'multipart/form-data': PhotoForm },
      responses: {
        201: ['Registered.', IntakeAnswer],
        200: ['A repeat of an earlier submission: its first answer.', IntakeAnswer],
        202: 'Discarded as spam; nothing stored.',
        400: E(
          'Not valid (field errors), not JSON, malformed form data, an image that is not JPEG/PNG/WebP, or sent too fast.',
        ),
        403: E('The origin is not registered for the site, or the site is unknown.'),
        409: E('The id was already used with a different body.'),
        413: E('Over the body limit, an image over 1 MB, or more than 3 images.'),
        415: E('Neither JSON nor multipart/form-data.'),
        429: E('Rate limited; see Retry-After.'),
      },
    },
  },
  '/intake/form-config': {
    get: {
      summary: 'The categories a complaint form offers (public; for <complaint-form>)',
      description:
        "The policy's categories in its order, each named in English and Chinese (the policy's " +
        'label, else the built-in name). Cacheable for 5 minutes; CORS for the origins registered ' +
        'for `site` (any registered origin when no site is named).',
      query: z.object({ site: z.optional(z.string()) }),
      responses: { 200: ['The categories.', FormConfig] },
    },
  },
  '/sync': {
    post: {
      summary: "Push the extension's pending events; pull the log since a cursor",
      description:
        "Events are applied idempotently by id through the shared workflow with the token's role " +
        '(an event claiming another role is rejected). Rejected events come back with a reason key ' +
        'and a localized message. Pull pages hold at most 2,000 events; `more` asks for another call.',
      auth: true,
      body: SyncRequest,
      responses: {
        200: ['Applied; the log since the cursor.', SyncAnswer],
        400: E('Not a sync request.'),
        401: NO_TOKEN,
        413: E('Over the body limit.'),
      },
    },
  },
  '/complaints': {
    get: {
      summary: 'The team queue, most recently updated first',
      auth: true,
      query: ListQuery,
      responses: {
        200: ['One page.', ComplaintPage],
        400: E('A query parameter is not valid.'),
        401: NO_TOKEN,
      },
    },
  },
  '/complaints/{id}': {
    get: {
      summary: 'One complaint: snapshot and event log',
      auth: true,
      responses: {
        200: ['The complaint.', ComplaintWithLog],
        401: NO_TOKEN,
        404: E('No such complaint.'),
      },
    },
  },
  '/complaints/{id}/attachments/{attachmentId}': {
    get: {
      summary: 'A photo attached to a web-form complaint, as a download',
      description:
        'The bytes as received (type from their signature), with `Content-Disposition: attachment` ' +
        'and `X-Content-Type-Options: nosniff`. The ids are in the registration record (`attachments[].id`).',
      auth: true,
      responses: {
        200: ['The image.', { 'image/jpeg': binary, 'image/png': binary, 'image/webp': binary }],
        401: NO_TOKEN,
        404: E('No such attachment of this complaint.'),
      },
    },
  },
  '/complaints/{id}/events': {
    post: {
      summary: 'One action on a complaint',
      description:
        'The server fills what is omitted: `id`, `complaintId`, `at` (now) and `actor` (the token). ' +
        '`expectedVersion` guards against acting on stale state.',
      auth: true,
      body: ActionRequest,
      responses: {
        201: ['Applied.', ActionAnswer],
        200: ['Already applied (same event id).', ActionAnswer],
        400: E('Not a valid action.'),
        401: NO_TOKEN,
        403: E('The role may not do this, or the actor claims another role.'),
        404: E('No such complaint.'),
        409: E(
          'Stale version (the answer carries the current `version`), or the event id is taken.',
        ),
        422: E('Illegal in the current state (a workflow reason).'),
      },
    },
  },
  '/reports/monthly': {
    get: {
      summary: 'The monthly complaint report (supervisors, managers, admins)',
      description: 'JSON by default; CSV with `Accept: text/csv`, labelled in the Accept-Language.',
      auth: true,
      query: z.object({ month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)) }),
      responses: {
        200: [
          'The report.',
          { 'application/json': z.record(z.string(), z.unknown()), 'text/csv': z.string() },
        ],
        400: E('No valid month.'),
        401: NO_TOKEN,
        403: E('Agents and handlers do not read reports.'),
      },
    },
  },
  '/healthz': {
    get: {
      summary: 'Liveness and database check',
      responses: { 200: ['OK.', Health], 503: ['Database unreachable.', Health] },
    },
  },
  '/schema': {
    get: {
      summary: 'JSON Schema (2020-12) of the submission',
      responses: { 200: ['The schema.', z.record(z.string(), z.unknown())] },
    },
  },
  '/openapi.json': {
    get: {
      summary: 'This document',
      responses: { 200: ['OpenAPI 3.1.', z.record(z.string(), z.unknown())] },
    },
  },
  '/me': {
    get: {
      summary: "The caller's token: id, name, role and department",
      auth: true,
      responses: { 200: ['The token.', Me], 401: NO_TOKEN },
    },
  },
  '/policy': {
    get: {
      summary: "The organisation's resolved policy and its version",
      description:
        'The version is also the strong `ETag`; with `If-None-Match` naming it the answer is 304. ' +
        'Notification channels come without addresses and secrets (admins read those at ' +
        '`/admin/policy`); `notifications.smsReplies: true` says replies can go by SMS.',
      auth: true,
      responses: {
        200: ['The policy.', z.object({ version: z.string(), policy: PolicySchema })],
        304: 'Unchanged since the version named in If-None-Match.',
        401: NO_TOKEN,
      },
    },
  },
  '/team': {
    get: {
      summary:
        'The team: live staff tokens (id, name, role, department) and which one is the caller',
      auth: true,
      responses: { 200: ['The team.', JsonObject], 401: NO_TOKEN, 403: E('Not a staff role.') },
    },
  },
  '/complaints/{id}/files/{sha256}': {
    get: {
      summary: 'A file captured with a complaint (screenshot, clip attachment), by its SHA-256',
      auth: true,
      responses: {
        200: ['The bytes.', { 'application/octet-stream': binary }],
        401: NO_TOKEN,
        404: E('No such file of this complaint.'),
      },
    },
    put: {
      summary: 'Upload a captured file (content-addressed; a repeat stores nothing new)',
      description:
        'The body is the raw bytes; their SHA-256 must equal the path, the type is checked by ' +
        'signature as for web-form photos, at most 8 MB. `HEAD` tells whether it is stored.',
      auth: true,
      bodies: { 'application/octet-stream': binary },
      responses: {
        201: 'Stored.',
        200: 'Already stored.',
        400: E('The bytes do not match the hash, or their type is not allowed.'),
        401: NO_TOKEN,
        404: E('No such complaint.'),
        413: E('Larger than the limit.'),
      },
    },
  },
  '/complaints/{id}/reply': {
    post: {
      summary: 'Send a reply to the complainant by e-mail or SMS (through the outbox)',
      description:
        'Queued, then sent by the delivery worker; the `replied` event is logged only once sent.',
      auth: true,
      body: ReplyRequestSchema,
      responses: {
        202: ['Queued.', JsonObject],
        400: E('Not a valid reply request, or no address to send to.'),
        401: NO_TOKEN,
        404: E('No such complaint.'),
        503: E('No mail or SMS channel is configured.'),
      },
    },
  },
  '/complaints/{id}/deliveries': {
    get: {
      summary: 'Notifications and replies about one complaint, with their delivery state',
      auth: true,
      responses: { 200: ['The deliveries.', JsonObject], 401: NO_TOKEN },
    },
  },
  '/reports/monthly/send': {
    post: {
      summary: 'Mail the monthly report (CSV attached) to the configured recipients now',
      auth: true,
      body: ReportSendSchema,
      responses: {
        202: ['Queued.', JsonObject],
        400: E('No valid month.'),
        401: NO_TOKEN,
        403: E('Agents and handlers do not send reports.'),
        503: E('No mail channel or no recipients are configured.'),
      },
    },
  },
  '/admin/deliveries': {
    get: {
      summary: 'The delivery log (admins)',
      auth: true,
      responses: { 200: ['Deliveries, newest first.', JsonObject], 401: NO_TOKEN },
    },
  },
  '/admin/deliveries/{id}': {
    get: {
      summary: 'One delivery with every attempt (admins)',
      auth: true,
      responses: {
        200: ['The delivery.', JsonObject],
        401: NO_TOKEN,
        404: E('No such delivery.'),
      },
    },
  },
  '/admin/complainants/export': {
    post: {
      summary: 'Export everything stored about one complainant (PIPL; admins)',
      description: 'The contact travels in the body, never in a URL that access logs keep.',
      auth: true,
      body: ExportRequest,
      responses: { 200: ['Their data.', JsonObject], 400: E('No contact given.'), 401: NO_TOKEN },
    },
  },
  '/admin/complainants/erase': {
    post: {
      summary: "Erase one complainant's personal data from finished complaints (PIPL; admins)",
      description: 'Leaves the anonymised record and a `personalDataErased` audit event.',
      auth: true,
      body: EraseRequest,
      responses: {
        200: ['What was erased.', JsonObject],
        400: E('No contact or no reason given.'),
        401: NO_TOKEN,
      },
    },
  },
  '/admin/policy': {
    get: {
      summary: 'Stored policy overrides',
      auth: true,
      responses: {
        200: ['Overrides (a partial policy).', z.record(z.string(), z.unknown())],
        401: NO_TOKEN,
        403: E('Not an admin.'),
      },
    },
    put: {
      summary: 'Replace the policy overrides (merged over the default policy)',
      auth: true,
      body: z.record(z.string(), z.unknown()),
      responses: {
        200: ['The resolved policy.', PolicySchema],
        400: E('Invalid policy.'),
        401: NO_TOKEN,
        403: E('Not an admin.'),
      },
    },
  },
  '/admin/tokens': {
    get: {
      summary: 'List tokens',
      auth: true,
      responses: { 200: ['Tokens.', z.array(Token)], 401: NO_TOKEN, 403: E('Not an admin.') },
    },
    post: {
      summary: 'Create a token (the secret is shown once)',
      auth: true,
      body: TokenRequest,
      responses: {
        201: ['Created.', Token],
        400: E('Invalid.'),
        401: NO_TOKEN,
        403: E('Not an admin.'),
      },
    },
  },
  '/admin/tokens/{id}': {
    delete: {
      summary: 'Revoke a token',
      auth: true,
      responses: {
        204: 'Revoked.',
        401: NO_TOKEN,
        403: E('Not an admin.'),
        404: E('No such live token.'),
      },
    },
  },
  '/admin/sites': {
    get: {
      summary: 'List sites',
      auth: true,
      responses: { 200: ['Sites.', z.array(Site)], 401: NO_TOKEN, 403: E('Not an admin.') },
    },
  },
  '/admin/sites/{key}': {
    put: {
      summary: 'Add a site or add origins to it',
      auth: true,
      body: SiteRequest,
      responses: {
        200: ['The site.', Site],
        400: E('Invalid.'),
        401: NO_TOKEN,
        403: E('Not an admin.'),
      },
    },
    delete: {
      summary: 'Remove a site',
      auth: true,
      responses: {
        204: 'Removed.',
        401: NO_TOKEN,
        403: E('Not an admin.'),
        404: E('No such site.'),
      },
    },
  },
};

/** Every route's schemas and the components, converted together so shared shapes are refs. */
function convert(): { components: Record<string, Json>; of: (schema: Schema) => Json } {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const anonymous = new Map<Schema, string>();
  const name = (schema: Schema) => {
    for (const [id, s] of Object.entries(COMPONENTS)) if (s === schema) return id;
    let id = anonymous.get(schema);
    if (!id) {
      id = `_${anonymous.size}`;
      anonymous.set(schema, id);
      registry.add(schema, { id });
    }
    return id;
  };
  // Collect every route schema first; one conversion then resolves all references.
  const visit = (schema: Schema | Record<string, Schema>) => {
    if (schema instanceof z.core.$ZodType) name(schema);
    else for (const s of Object.values(schema)) name(s);
  };
  for (const route of Object.values(ROUTES).flatMap((r) => Object.values(r))) {
    if (route.query) name(route.query);
    if (route.body) name(route.body);
    for (const s of Object.values(route.bodies ?? {})) name(s);
    for (const answer of Object.values(route.responses))
      if (Array.isArray(answer)) visit(answer[1]);
  }
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const clean = ({ $schema: _s, $id: _i, ...rest }: Json): Json => rest;
  // The server refuses unknown keys in a submission (intake/unknown-keys.ts); the document says so.
  closeObjects(schemas.ComplaintSubmission);
  const components = Object.fromEntries(
    Object.entries(schemas)
      .filter(([id]) => !id.startsWith('_'))
      .map(([id, s]) => [id, clean(s)]),
  );
  return {
    components,
    of: (schema) => {
      const id = name(schema);
      return id.startsWith('_') ? clean(schemas[id]!) : { $ref: `#/components/schemas/${id}` };
    },
  };
}

function operation(path: string, route: Route, of: (schema: Schema) => Json): Json {
  const content = (schemas: Record<string, Schema>) =>
    Object.fromEntries(Object.entries(schemas).map(([type, s]) => [type, { schema: of(s) }]));
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = route.query ? (of(route.query) as { properties?: Json; required?: string[] }) : {};
  const queryParams = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  const body = route.body && { 'application/json': route.body, ...route.bodies };
  return {
    summary: route.summary,
    ...(route.description && { description: route.description }),
    ...(route.auth && { security: [{ bearer: [] }] }),
    parameters: [
      ...pathParams,
      ...queryParams,
      { name: 'Accept-Language', in: 'header', schema: { type: 'string' } },
    ],
    ...(body && { requestBody: { required: true, content: content(body) } }),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, answer]) => {
        if (typeof answer === 'string') return [status, { description: answer }];
        const [description, schema] = answer;
        const media = schema instanceof z.core.$ZodType ? { 'application/json': schema } : schema;
        return [status, { description, content: content(media) }];
      }),
    ),
  };
}

let cached: ReturnType<typeof convert> | undefined;

/** The document, with the server's own URL. */
export function openApiDocument(serverUrl?: string): Json {
  cached ??= convert();
  const { components, of } = cached;
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
      schemas: components,
    },
    paths: Object.fromEntries(
      Object.entries(ROUTES).map(([path, methods]) => [
        path,
        Object.fromEntries(
          Object.entries(methods).map(([method, route]) => [method, operation(path, route, of)]),
        ),
      ]),
    ),
  };
}
