import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Pool } from 'pg';
import { sniffImageType } from '../../shared/schema/image-type';
import { type AuthEnv, requireToken } from '../auth/bearer';
import { readLimited } from '../http/read-json';
import { requestError, requestLocale } from '../messages';

/** A visible-tab screenshot is ~100–400 KB as JPEG; a full-page PNG of a long mail stays below. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/;

export interface FileDeps {
  pool: Pool;
  now: () => Date;
}

const ascii = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/** The name the extension sends (`X-File-Name`, URL-encoded), bounded like an attachment's. */
function fileName(raw: string | undefined): string {
  let name = 'file';
  try {
    name = decodeURIComponent(raw ?? '').trim() || name;
  } catch {
    // keep the default
  }
  return name.slice(0, 255);
}

/** Reads at most `limit` bytes; undefined when the body is longer (declared or streamed). */
function readBounded(req: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return Promise.resolve(undefined);
  return readLimited(req.body, limit);
}

/**
 * Captured files, content-addressed by SHA-256 (any token):
 * - `HEAD /complaints/:id/files/:sha256`: 200 when stored, 404 when not (the client skips what
 *   the server has, so an interrupted batch resumes where it stopped);
 * - `PUT  /complaints/:id/files/:sha256`: the raw bytes; 201 stored, 200 already there (a retry
 *   never duplicates), 400 hash mismatch, 413 too large, 415 not a JPEG/PNG/WebP by its magic
 *   bytes (the widget photos' rule), 404 complaint not (yet) synced;
 * - `GET  /complaints/:id/files/:sha256`: the file as a download, never rendered inline.
 */
export function fileRoutes(deps: FileDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const path = '/complaints/:id/files/:sha256';
  app.use(path, requireToken(deps.pool));

  const params = (id: string, sha: string) => UUID.test(id) && SHA256.test(sha);

  app.on('HEAD', path, async (c) => {
    const { id, sha256 } = c.req.param();
    if (!params(id, sha256)) return c.body(null, 404);
    const { rowCount } = await deps.pool.query(
      'SELECT 1 FROM capture_files WHERE complaint_id = $1 AND sha256 = $2',
      [id, sha256],
    );
    return c.body(null, rowCount ? 200 : 404);
  });

  app.put(path, async (c) => {
    const { id, sha256 } = c.req.param();
    const locale = requestLocale(c.req.header('accept-language'));
    if (!params(id, sha256)) return c.json(requestError(locale, 'attachment.notFound'), 404);
    const bytes = await readBounded(c.req.raw, MAX_FILE_BYTES);
    if (!bytes)
      return c.json(
        requestError(locale, 'request.tooLarge', { limitKb: MAX_FILE_BYTES / 1024 }),
        413,
      );
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) return c.json(requestError(locale, 'file.hashMismatch'), 400);
    const name = fileName(c.req.header('x-file-name'));
    const type = sniffImageType(bytes);
    if (!type) return c.json(requestError(locale, 'intake.fileType', { name }), 415);
    const token = c.get('token');
    // The complaint must be known: its captured event syncs before its files.
    const { rowCount } = await deps.pool.query(
      `INSERT INTO capture_files (complaint_id, sha256, name, type, size, bytes, uploaded_by, uploaded_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM complaints WHERE id = $1)
       ON CONFLICT (complaint_id, sha256) DO NOTHING`,
      [id, sha256, name, type, bytes.byteLength, Buffer.from(bytes), token.name, deps.now()],
    );
    if (rowCount) return c.json({ sha256, type, size: bytes.byteLength }, 201);
    const exists = await deps.pool.query(
      'SELECT type, size FROM capture_files WHERE complaint_id = $1 AND sha256 = $2',
      [id, sha256],
    );
    const row = exists.rows[0] as { type: string; size: number } | undefined;
    if (!row) return c.json(requestError(locale, 'complaint.notFound'), 404);
    return c.json({ sha256, type: row.type, size: row.size }, 200);
  });

  app.get(path, async (c) => {
    const { id, sha256 } = c.req.param();
    const locale = requestLocale(c.req.header('accept-language'));
    const { rows } = params(id, sha256)
      ? await deps.pool.query<{ name: string; type: string; bytes: Buffer }>(
          'SELECT name, type, bytes FROM capture_files WHERE complaint_id = $1 AND sha256 = $2',
          [id, sha256],
        )
      : { rows: [] };
    const found = rows[0];
    if (!found) return c.json(requestError(locale, 'attachment.notFound'), 404);
    return c.body(new Uint8Array(found.bytes), 200, {
      'Content-Type': found.type,
      'Content-Length': String(found.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii(found.name)}"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      ETag: `"${sha256}"`,
    });
  });
  return app;
}
