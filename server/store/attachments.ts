import type { Pool } from 'pg';

/** A stored photo of a complaint (migration 0003). */
export interface StoredAttachment {
  id: string;
  complaintId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** One attachment of one complaint, or undefined. */
export async function attachmentOf(
  pool: Pool,
  complaintId: string,
  id: string,
): Promise<StoredAttachment | undefined> {
  const { rows } = await pool.query<{
    id: string;
    complaint_id: string;
    name: string;
    type: string;
    size: number;
    sha256: string;
    bytes: Buffer;
  }>(
    'SELECT id, complaint_id, name, type, size, sha256, bytes FROM attachments WHERE id = $1 AND complaint_id = $2',
    [id, complaintId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        complaintId: r.complaint_id,
        name: r.name,
        type: r.type,
        size: r.size,
        sha256: r.sha256,
        bytes: r.bytes,
      }
    : undefined;
}
