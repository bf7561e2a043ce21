-- The server is the system of record. Every event keeps the device's `at` (when it happened) and
-- the server's `received_at` (when it arrived); `late` marks one dated more than the policy's
-- offline allowance before its receipt: accepted, but shown and counted as such.
ALTER TABLE events ADD COLUMN late boolean NOT NULL DEFAULT false;
CREATE INDEX events_late ON events (received_at) WHERE late;

-- Several server processes on one PostgreSQL act as one (server/README.md "Team mode"):
-- the intake's token buckets per client and site are rows here, updated atomically.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL
);
-- A policy saved through one process is seen by the others polling this number.
ALTER TABLE policy ADD COLUMN version bigint NOT NULL DEFAULT 1;
-- Per-site daily quota at intake.
CREATE INDEX complaints_site_received ON complaints (site, received_at);
