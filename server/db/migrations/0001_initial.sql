-- Complaint Desk server schema, version 1. Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).
-- One database is one organisation: case numbers are unique within it.

-- The derived snapshot per complaint (always rebuildable from `events`), indexed for the queue.
CREATE TABLE complaints (
  id uuid PRIMARY KEY,
  case_number text UNIQUE,
  status text NOT NULL,
  severity text,
  assignee text,
  site text,
  received_at timestamptz,
  next_due_at timestamptz,
  updated_at timestamptz NOT NULL,
  -- Number of events applied; `POST /complaints/:id/events` compares it (expectedVersion).
  version integer NOT NULL DEFAULT 0,
  snapshot jsonb NOT NULL,
  -- Lower-cased case number, names and texts for the `q` filter.
  search text NOT NULL DEFAULT ''
);
-- Keyset pagination: (updated_at DESC, id DESC) with and without the common filters.
CREATE INDEX complaints_updated ON complaints (updated_at DESC, id DESC);
CREATE INDEX complaints_status_updated ON complaints (status, updated_at DESC, id DESC);
CREATE INDEX complaints_severity_updated ON complaints (severity, updated_at DESC, id DESC);
CREATE INDEX complaints_assignee_updated ON complaints (assignee, updated_at DESC, id DESC)
  WHERE assignee IS NOT NULL;
CREATE INDEX complaints_next_due ON complaints (next_due_at) WHERE next_due_at IS NOT NULL;

-- The log. `seq` orders it for sync cursors; writers serialize on an advisory lock so a
-- committed seq is never overtaken by a smaller one committing later.
CREATE TABLE events (
  seq bigserial NOT NULL UNIQUE,
  id uuid PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaints (id),
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  received_at timestamptz NOT NULL,
  -- The API token that pushed it (audit); NULL for the server's own events (intake, numbering).
  token_id uuid
);
CREATE INDEX events_complaint ON events (complaint_id, seq);

-- Case number serials per month ('YYMM' in the organisation's time zone), allocated with
-- INSERT … ON CONFLICT DO UPDATE inside the registering transaction: unique and gap-free.
CREATE TABLE case_number_counters (
  period text PRIMARY KEY CHECK (period ~ '^[0-9]{4}$'),
  last integer NOT NULL CHECK (last > 0)
);

-- Widget submissions by their client-generated id: a retry gets the first answer back.
CREATE TABLE submissions (
  id uuid PRIMARY KEY,
  body_hash text NOT NULL,
  complaint_id uuid,
  response jsonb,
  received_at timestamptz NOT NULL
);

-- API tokens; only the SHA-256 of the secret is stored.
CREATE TABLE tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'handler', 'supervisor', 'manager', 'admin')),
  hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

-- Websites allowed to embed the form: CORS origins per site key.
CREATE TABLE sites (
  key text PRIMARY KEY,
  origins text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);

-- The organisation's policy overrides (merged over the default policy), a single row.
CREATE TABLE policy (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  document jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
