/**
 * Hostile intake bodies (issue 6 "Bad input"): each must be answered with a 4xx and a clear
 * message, and leave the database unchanged. Test data only.
 */
import { validSubmission } from './server';

export interface HostileCase {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  headers?: Record<string, string>;
}

const base = () => validSubmission({ id: '3f8a1c2e-9b4d-4e6f-8a1b-2c3d4e5f6a7b' });
type Body = Record<string, unknown>;
/** The valid base with `patch` merged over it, or made from it by a function. */
const json = (name: string, patch: Body | ((b: Body) => unknown)): HostileCase => {
  const b = base() as Body;
  return {
    name,
    body: JSON.stringify(typeof patch === 'function' ? patch(b) : { ...b, ...patch }),
  };
};
const omit = (b: Body, key: string) =>
  Object.fromEntries(Object.entries(b).filter(([k]) => k !== key));
const raw = (
  name: string,
  body: string | Uint8Array<ArrayBuffer>,
  contentType?: string,
): HostileCase => ({
  name,
  body,
  ...(contentType === undefined ? {} : { contentType }),
});
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
};
const nest = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);
const withDescription = (d: string) =>
  JSON.stringify(base()).replace('"The kettle', `"${d} The kettle`);

const SQL = [
  "'; DROP TABLE complaints; --",
  "' OR '1'='1",
  '1; DELETE FROM events',
  "x' UNION SELECT hash FROM tokens --",
  '$$; TRUNCATE submissions; $$',
  "'); INSERT INTO tokens VALUES ('x'); --",
];
const SCRIPT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];

export const HOSTILE_BODIES: HostileCase[] = [
  // Oversized (the app under test uses the 256 KB default).
  json('description of 300 KB', { description: 'x'.repeat(300_000) }),
  json('300 KB of unknown padding', { padding: 'y'.repeat(300_000) }),
  json('100k-item array', {
    attachments: Array(100_000).fill({ name: 'a', type: 'image/png', size: 1 }),
  }),
  raw('300 KB of whitespace', ' '.repeat(300_000)),
  json('20k unknown keys', (b) => ({
    ...b,
    ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
  })),
  json('description of 10,001 characters', { description: 'z'.repeat(10_001) }),
  json('name of 101 characters', { complainant: { name: 'n'.repeat(101), phone: '13812345678' } }),
  json('four attachments', {
    attachments: Array(4).fill({ name: 'a.png', type: 'image/png', size: 10 }),
  }),
  json('attachment over 1 MB', {
    attachments: [{ name: 'a.png', type: 'image/png', size: 1_048_577 }],
  }),

  // Deeply nested.
  raw('array nested 40 deep', nest(40, '[', ']')),
  raw('array nested 100,000 deep', nest(100_000, '[', ']')),
  raw('object nested 10,000 deep', nest(10_000, '{"a":', '}')),
  json('complainant nested 40 deep', { complainant: JSON.parse(nest(40, '{"a":', '}')) }),
  json('profileFields nested 33 deep', { profileFields: JSON.parse(nest(33, '{"x":', '}', '{}')) }),
  json('unknown key nested 5 deep', { extra: { a: { b: { c: { d: 1 } } } } }),

  // Not a JSON object.
  raw('empty body', ''),
  raw('whitespace only', '   \n '),
  raw('null', 'null'),
  raw('true', 'true'),
  raw('a number', '42'),
  raw('a string', '"complaint"'),
  raw('an array of the submission', JSON.stringify([base()])),
  raw('truncated JSON', JSON.stringify(base()).slice(0, 80)),
  raw('trailing comma', JSON.stringify(base()).replace(/}$/, ',}')),
  raw('single quotes', "{'id': 'x'}"),
  raw('NaN literal', '{"headcount": NaN}'),
  raw('comments', '/* hi */ {}'),
  raw('two objects', '{}{}'),
  raw('BOM + garbage', '\uFEFF<xml/>'),

  // Invalid UTF-8 and text that cannot be stored.
  raw('lone 0xFF byte in a string', bytes('{"description":"', [0xff], '"}')),
  raw('truncated 2-byte sequence', bytes('{"description":"', [0xc3], '"}')),
  raw('overlong slash (0xC0 0xAF)', bytes('{"description":"', [0xc0, 0xaf], '"}')),
  raw('UTF-8-encoded surrogate (CESU)', bytes('{"description":"', [0xed, 0xa0, 0x80], '"}')),
  raw('code point above U+10FFFF', bytes('{"description":"', [0xf4, 0x90, 0x80, 0x80], '"}')),
  raw('Latin-1 text', bytes('{"description":"caf', [0xe9], ' au lait"}')),
  raw(
    'valid submission with a stray continuation byte',
    bytes(withDescription('bad ').slice(0, 200), [0x80], withDescription('bad ').slice(200)),
  ),
  raw(
    'valid submission with a 0xFE byte',
    bytes(JSON.stringify(base()).slice(0, 60), [0xfe], JSON.stringify(base()).slice(60)),
  ),
  raw('NUL escape in the description', withDescription('nul \\u0000 here')),
  raw('lone high surrogate escape', withDescription('\\ud800')),
  raw('lone low surrogate escape', withDescription('\\udc00 x')),
  raw('NUL in a key', JSON.stringify(base()).replace('"subject"', '"sub\\u0000ject"')),

  // Wrong types.
  json('id as a number', { id: 12345 }),
  json('id not a UUID', { id: 'not-a-uuid' }),
  json('id missing', (b) => omit(b, 'id')),
  json('complainant as a string', { complainant: 'Wang' }),
  json('complainant as an array', { complainant: ['Wang'] }),
  json('complainant null', { complainant: null }),
  json('description as an array', { description: ['a long enough description'] }),
  json('description as an object', { description: { text: 'a long enough description' } }),
  json('description missing', (b) => omit(b, 'description')),
  json('demand as a number', { demand: 5 }),
  json('demand empty', { demand: '   ' }),
  json('readBackConfirmed as "true"', { readBackConfirmed: 'true' }),
  json('readBackConfirmed false', { readBackConfirmed: false }),
  json('headcount as "5"', { headcount: '5' }),
  json('headcount fractional', { headcount: 2.5 }),
  json('headcount zero', { headcount: 0 }),
  json('amount value as a string', { amountClaimed: { value: '100', currency: 'CNY' } }),
  json('amount negative', { amountClaimed: { value: -1, currency: 'CNY' } }),
  json('currency lower case', { amountClaimed: { value: 1, currency: 'cny' } }),
  json('attachments as an object', { attachments: { name: 'a.png' } }),
  json('attachment type not a MIME type', {
    attachments: [{ name: 'a', type: '../../etc/passwd', size: 1 }],
  }),
  json('antiSpam.elapsedMs as a string', { antiSpam: { elapsedMs: '50000' } }),
  json('antiSpam.elapsedMs negative', { antiSpam: { elapsedMs: -1 } }),
  json('locale fr', { locale: 'fr' }),
  json('profile unknown', { profile: 'casino' }),
  json('anonymous as "yes"', { complainant: { anonymous: 'yes' } }),
  json('no name and no contact', { complainant: { anonymous: false } }),
  json('phone as a number', { complainant: { name: 'Li', phone: 13812345678 } }),
  json('quantity as a boolean', { profileFields: { quantity: true } }),

  // Huge numbers.
  json('headcount 1e308', { headcount: 1e308 }),
  raw('headcount 1e400 (Infinity)', JSON.stringify(base()).replace(/}$/, ',"headcount":1e400}')),
  raw(
    'amount -1e400',
    JSON.stringify(base()).replace(/}$/, ',"amountClaimed":{"value":-1e400,"currency":"CNY"}}'),
  ),
  json('amount 1e13', { amountClaimed: { value: 1e13, currency: 'CNY' } }),
  json('quantity 2^53 + 2', { profileFields: { quantity: 2 ** 53 + 2 } }),
  json('elapsedMs 1e11', { antiSpam: { elapsedMs: 1e11 } }),
  json('attachment size 1e20', { attachments: [{ name: 'a', type: 'image/png', size: 1e20 }] }),
  raw(
    'headcount with 400 digits',
    JSON.stringify(base()).replace(/}$/, `,"headcount":${'9'.repeat(400)}}`),
  ),

  // SQL and script injection where a value is validated.
  ...SQL.map((s, i) => json(`SQL in id #${i + 1}`, { id: s })),
  ...SQL.map((s, i) => json(`SQL in site #${i + 1}`, { site: s })),
  ...SQL.slice(0, 3).map((s, i) => json(`SQL in category #${i + 1}`, { category: s })),
  ...SQL.slice(0, 3).map((s, i) => json(`SQL as a key #${i + 1}`, { [s]: 1 })),
  ...SCRIPT.map((s, i) =>
    json(`script in email #${i + 1}`, { complainant: { name: 'Li', email: s } }),
  ),
  ...SCRIPT.map((s, i) => json(`script in site #${i + 1}`, { site: s })),
  ...SCRIPT.slice(0, 3).map((s, i) =>
    json(`script in phone #${i + 1}`, { complainant: { name: 'Li', phone: s } }),
  ),
  ...SCRIPT.slice(0, 2).map((s, i) => json(`script in locale #${i + 1}`, { locale: s })),

  // Unknown fields and prototype tricks.
  json('unknown top-level field', { priority: 'high' }),
  json('unknown complainant field', {
    complainant: { name: 'Li', phone: '13812345678', vip: true },
  }),
  json('unknown antiSpam field', { antiSpam: { elapsedMs: 50_000, score: 0 } }),
  raw('__proto__ key', JSON.stringify(base()).replace(/}$/, ',"__proto__":{"admin":true}}')),
  raw(
    'constructor.prototype key',
    JSON.stringify(base()).replace(/}$/, ',"constructor":{"prototype":{"admin":true}}}'),
  ),
  raw(
    '__proto__ in complainant',
    JSON.stringify(base()).replace('"complainant":{', '"complainant":{"__proto__":{"x":1},'),
  ),

  // Forged roles and server-owned fields.
  json('forged actor role admin', { actor: { id: 'x', name: 'x', role: 'admin' } }),
  json('forged role field', { role: 'supervisor' }),
  json('forged status closed', { status: 'closed' }),
  json('forged case number', { caseNumber: '2611-0001' }),
  json('forged severity', { severity: 'L0' }),
  json('forged channel phone', { channel: 'phone' }),
  json('forged receivedAt', { receivedAt: '2020-01-01T00:00:00Z' }),
  json('forged events array', { events: [{ type: 'closed' }] }),
  json('forged token', { token: 'cdt_x' }),
  json('forged firstResponder', { firstResponder: { id: 'boss', name: 'Boss', role: 'manager' } }),

  // Wrong media types.
  { ...raw('text/plain', JSON.stringify(base())), contentType: 'text/plain' },
  {
    ...raw('form-urlencoded', 'id=1&description=x'),
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    ...raw('multipart without a boundary', JSON.stringify(base())),
    contentType: 'multipart/form-data',
  },
  { ...raw('XML', '<complaint/>'), contentType: 'application/xml' },
  { ...raw('no content type', JSON.stringify(base())), contentType: '' },

  // A registered site posted from an origin it does not list.
  {
    ...json('site shop from an unlisted origin', { site: 'shop' }),
    headers: { origin: 'https://evil.example' },
  },
  {
    ...json('no site from a foreign origin', {}),
    headers: { origin: 'https://evil.example' },
  },
  json('unregistered site', { site: 'ghost' }),
];
