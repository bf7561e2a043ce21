-- Screenshots and files an agent captured with a complaint, uploaded by the extension after the
-- events (server/api/files.ts). Content-addressed: one row per complaint and SHA-256, so a retried
-- upload is a no-op. `type` is what the bytes are (sniffed, as for widget photos).
CREATE TABLE capture_files (
  complaint_id uuid NOT NULL REFERENCES complaints (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp')),
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, sha256)
);
