import type { ComplaintDb } from '../db/database';
import type { AttachmentRow } from '../db/types';
import type { Fetch } from './client';

/** Above the server's limit (server/api/files.ts MAX_FILE_BYTES): never sent. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export interface UploadTarget {
  serverUrl: string;
  token: string;
  fetch: Fetch;
}

export interface UploadOutcome {
  uploaded: number;
  /** Already on the server (a retry, or an earlier run that stopped before marking it). */
  present: number;
  /** Left for the next run: the complaint is not on the server yet, or the network failed. */
  later: number;
  refused: number;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends the captured files the server does not have yet, after the events (the server needs the
 * complaint first). Content-addressed: HEAD first, so an interrupted run resumes where it
 * stopped, and a PUT repeated after a lost answer stores nothing twice.
 */
export async function uploadFiles(db: ComplaintDb, target: UploadTarget): Promise<UploadOutcome> {
  const out: UploadOutcome = { uploaded: 0, present: 0, later: 0, refused: 0 };
  const rows = await db.attachments
    .filter((a) => !a.uploadedSha256 && !a.uploadError && !a.held)
    .toArray();
  for (const row of rows) {
    const result = await uploadOne(db, target, row).catch(() => 'later' as const);
    out[result]++;
  }
  return out;
}

async function uploadOne(
  db: ComplaintDb,
  { serverUrl, token, fetch }: UploadTarget,
  row: AttachmentRow,
): Promise<keyof UploadOutcome> {
  if (row.blob.size > MAX_UPLOAD_BYTES) {
    await db.attachments.update(row.id, { uploadError: 'cap.file.tooLarge' });
    return 'refused';
  }
  const sha = await sha256Hex(row.blob);
  const url = `${serverUrl.replace(/\/+$/, '')}/api/v1/complaints/${row.complaintId}/files/${sha}`;
  const auth = { authorization: `Bearer ${token}` };
  const head = await fetch(url, { method: 'HEAD', headers: auth });
  if (head.status === 200) {
    await db.attachments.update(row.id, { uploadedSha256: sha });
    return 'present';
  }
  const res = await fetch(url, {
    method: 'PUT',
    headers: {
      ...auth,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(row.name),
    },
    body: row.blob,
  });
  if (res.status === 201 || res.status === 200) {
    await db.attachments.update(row.id, { uploadedSha256: sha });
    return res.status === 201 ? 'uploaded' : 'present';
  }
  if (res.status === 413 || res.status === 415) {
    await db.attachments.update(row.id, {
      uploadError: res.status === 413 ? 'cap.file.tooLarge' : 'cap.file.type',
    });
    return 'refused';
  }
  // 404 (complaint not synced yet), 400 (damaged in transit), 5xx, 401: try again next run.
  return 'later';
}
