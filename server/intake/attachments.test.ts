import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComplaintSubmissionInput } from '../../shared/schema/submission';
import { databases, useDatabase } from '../../test/pg';
import { bearer, postJson, tableCounts, testApp, validSubmission } from '../../test/support/server';
import { sniffImageType } from '../../shared/schema/image-type';
import { MAX_FILE_BYTES } from './multipart';

const BASE = 'http://desk.test/api/v1';
const URL = `${BASE}/intake`;

/** Bytes that start like a real file of `kind` (the intake reads the signature only). */
function image(kind: 'jpeg' | 'png' | 'webp' | 'gif', size = 2_000, seed = 1): Uint8Array {
  const head = {
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    webp: [0x52, 0x49, 0x46, 0x46, 0x10, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
    gif: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  }[kind];
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7) % 251;
  bytes.set(head);
  return bytes;
}

interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

function form(submission: unknown, uploads: Upload[], extra: [string, string][] = []): FormData {
  const fd = new FormData();
  fd.append('submission', JSON.stringify(submission));
  for (const u of uploads)
    fd.append('images', new Blob([u.bytes as Uint8Array<ArrayBuffer>], { type: u.type }), u.name);
  for (const [k, v] of extra) fd.append(k, v);
  return fd;
}

const postForm = (
  app: ReturnType<typeof testApp>,
  body: FormData,
  headers: Record<string, string> = {},
) => Promise.resolve(app.request(URL, { method: 'POST', body, headers }));

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const withMeta = (uploads: Upload[], o: Partial<ComplaintSubmissionInput> = {}) =>
  validSubmission({
    attachments: uploads.map((u) => ({ name: u.name, type: u.type, size: u.bytes.byteLength })),
    ...o,
  });

describe('sniffImageType', () => {
  it('reads JPEG, PNG and WebP signatures and nothing else', () => {
    expect(sniffImageType(image('jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(image('png'))).toBe('image/png');
    expect(sniffImageType(image('webp'))).toBe('image/webp');
    expect(sniffImageType(image('gif'))).toBeUndefined();
    expect(sniffImageType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeUndefined();
    expect(sniffImageType(new Uint8Array(0))).toBeUndefined();
  });
});

describe.each(databases)('multipart intake with photos on $name', (target) => {
  const ctx = useDatabase(target);

  it('stores the photos with the registration; staff download them as attachments', async () => {
    const app = testApp(ctx.db);
    const uploads: Upload[] = [
      { name: '门 照片.jpg', type: 'image/jpeg', bytes: image('jpeg', 5_000) },
      { name: 'receipt.png', type: 'image/png', bytes: image('png', 3_000) },
      { name: 'box.webp', type: 'image/webp', bytes: image('webp', 1_000) },
    ];
    const body = withMeta(uploads);
    const res = await postForm(app, form(body, uploads));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: body.id, caseNumber: '2611-0001' });

    const { rows } = await ctx.db.pool.query(
      'SELECT id, complaint_id, name, type, size, sha256, bytes FROM attachments ORDER BY size DESC',
    );
    expect(rows.map((r) => [r.complaint_id, r.name, r.type, r.size, r.sha256])).toEqual(
      uploads.map((u) => [body.id, u.name, u.type, u.bytes.byteLength, sha256(u.bytes)]),
    );
    expect(
      rows.map((r) => Buffer.compare(r.bytes, Buffer.from(uploads[rows.indexOf(r)]!.bytes))),
    ).toEqual([0, 0, 0]);

    // The registration record names each photo by the id it is fetched with.
    const staff = await bearer(ctx.db.pool, 'agent');
    const read = await app.request(`${BASE}/complaints/${body.id}`, { headers: staff });
    const { events } = (await read.json()) as {
      events: { payload: { record: { attachments: { id: string; name: string }[] } } }[];
    };
    const listed = events[0]!.payload.record.attachments;
    expect(listed.map((a) => a.name)).toEqual(uploads.map((u) => u.name));

    const first = listed[0]!;
    const download = await app.request(`${BASE}/complaints/${body.id}/attachments/${first.id}`, {
      headers: staff,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="_ __.jpg"; filename*=UTF-8''${encodeURIComponent('门 照片.jpg')}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(uploads[0]!.bytes));

    // Auth like every staff endpoint; another complaint's address finds nothing.
    const anonymous = await app.request(`${BASE}/complaints/${body.id}/attachments/${first.id}`);
    expect(anonymous.status).toBe(401);
    for (const role of ['handler', 'supervisor', 'manager', 'admin'] as const) {
      const ok = await app.request(`${BASE}/complaints/${body.id}/attachments/${first.id}`, {
        headers: await bearer(ctx.db.pool, role),
      });
      expect(ok.status, role).toBe(200);
    }
    const other = validSubmission();
    await postJson(app, URL, other);
    const elsewhere = await app.request(`${BASE}/complaints/${other.id}/attachments/${first.id}`, {
      headers: { ...staff, 'accept-language': 'zh-CN' },
    });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({
      errors: [{ path: '', code: 'attachment.notFound', message: '没有这个附件。' }],
    });
  });

  it('stores the photos once however often the submission is retried', async () => {
    const app = testApp(ctx.db);
    const uploads: Upload[] = [{ name: 'a.jpg', type: 'image/jpeg', bytes: image('jpeg') }];
    const body = withMeta(uploads);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => postForm(app, form(body, uploads))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const again = await postForm(app, form({ ...body, antiSpam: { elapsedMs: 90_000 } }, uploads));
    expect(again.status).toBe(200);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 1,
      events: 1,
      submissions: 1,
      attachments: 1,
    });
    // The same JSON with another photo is another complaint under a used id.
    const swapped = await postForm(
      app,
      form(body, [{ ...uploads[0]!, bytes: image('jpeg', 2_000, 9) }]),
    );
    expect(swapped.status).toBe(409);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ attachments: 1 });
  });

  it('keeps a multipart submission without photos and the JSON-only path working', async () => {
    const app = testApp(ctx.db);
    expect((await postForm(app, form(validSubmission(), []))).status).toBe(201);
    expect((await postJson(app, URL, validSubmission())).status).toBe(201);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 2, attachments: 0 });
  });

  it('refuses too many or too large photos (413) and wrong types (400), localized, storing nothing', async () => {
    const app = testApp(ctx.db);
    const jpeg = (name: string, size = 2_000): Upload => ({
      name,
      type: 'image/jpeg',
      bytes: image('jpeg', size),
    });
    const cases: [string, FormData, number, string, string][] = [
      [
        'four photos',
        form(validSubmission(), [jpeg('1.jpg'), jpeg('2.jpg'), jpeg('3.jpg'), jpeg('4.jpg')]),
        413,
        'intake.tooManyFiles',
        '最多只能附加 3 张图片。',
      ],
      [
        'a photo over 1 MB',
        form(validSubmission(), [jpeg('big.jpg', MAX_FILE_BYTES + 1)]),
        413,
        'intake.fileTooLarge',
        '图片“big.jpg”超过了 1 MB。',
      ],
      [
        'a GIF declared as JPEG',
        form(validSubmission(), [{ name: 'x.jpg', type: 'image/jpeg', bytes: image('gif') }]),
        400,
        'intake.fileType',
        '“x.jpg”不是 JPEG、PNG 或 WebP 图片。',
      ],
      [
        'HTML declared as PNG',
        form(validSubmission(), [
          {
            name: 'x.png',
            type: 'image/png',
            bytes: new TextEncoder().encode('<html><script>alert(1)</script>'),
          },
        ]),
        400,
        'intake.fileType',
        '“x.png”不是 JPEG、PNG 或 WebP 图片。',
      ],
      [
        'a PNG declared as JPEG',
        form(validSubmission(), [{ name: 'p.jpg', type: 'image/jpeg', bytes: image('png') }]),
        400,
        'intake.fileType',
        '“p.jpg”不是 JPEG、PNG 或 WebP 图片。',
      ],
      [
        'an SVG',
        form(validSubmission(), [
          { name: 's.svg', type: 'image/svg+xml', bytes: new TextEncoder().encode('<svg/>') },
        ]),
        400,
        'intake.fileType',
        '“s.svg”不是 JPEG、PNG 或 WebP 图片。',
      ],
    ];
    for (const [name, body, status, code, zh] of cases) {
      const res = await postForm(app, body, { 'accept-language': 'zh-CN' });
      expect(res.status, name).toBe(status);
      const { errors } = (await res.json()) as { errors: { code: string; message: string }[] };
      expect(errors[0], name).toMatchObject({ code, message: zh });
    }
    const en = await postForm(app, form(validSubmission(), [jpeg('a', MAX_FILE_BYTES + 1)]), {
      'accept-language': 'en',
    });
    expect(((await en.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'The image “a” is larger than 1 MB.',
    );
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 0,
      submissions: 0,
      attachments: 0,
    });
  });

  it('refuses malformed form data with 400: no submission part, unknown parts, no boundary', async () => {
    const app = testApp(ctx.db);
    const noSubmission = new FormData();
    noSubmission.append(
      'images',
      new Blob([image('jpeg') as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      'a.jpg',
    );
    const unknown = form(validSubmission(), [], [['status', 'closed']]);
    const bad = await Promise.all([
      postForm(app, noSubmission),
      postForm(app, unknown),
      app.request(URL, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data' },
        body: 'x',
      }),
      postForm(app, form({ ...validSubmission(), status: 'closed' }, [])),
    ]);
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    const codes = await Promise.all(
      bad.map(async (r) => ((await r.json()) as { errors: { code: string }[] }).errors[0]!.code),
    );
    expect(codes).toEqual([
      'request.badMultipart',
      'request.badMultipart',
      'request.badMultipart',
      'validation.unknownField',
    ]);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 0, attachments: 0 });
  });
});
