-- Photos a web-form visitor attached (multipart intake), stored in the registering statement.
-- `type` is what the bytes are (sniffed), not what the sender declared.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaints (id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp')),
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  bytes bytea NOT NULL
);
CREATE INDEX attachments_complaint ON attachments (complaint_id);

-- Second complaints (docs/rules.md §3) at intake: the complainant's phone and email as the shared
-- normalizePhone/normalizeEmail give them (written by the server, never computed in SQL; rows
-- that exist already are filled in by this migration's backfill, server/db/backfills.ts), and
-- the category. Intake reads the candidates through these indexes and lets the shared
-- isSecondComplaint decide.
ALTER TABLE complaints
  ADD COLUMN phone_key text,
  ADD COLUMN email_key text,
  ADD COLUMN category text;
CREATE INDEX complaints_phone_key ON complaints (phone_key, category, received_at)
  WHERE phone_key IS NOT NULL;
CREATE INDEX complaints_email_key ON complaints (email_key, category, received_at)
  WHERE email_key IS NOT NULL;
