-- Notifications (server/notify). Three steps, each idempotent by key:
-- 1. `notify_outbox`: what happened and must be told (a workflow event's effects, a clock
--    warning or breach, a customer reply, the monthly report), written in the same transaction
--    as its cause, so nothing committed is left untold and nothing rolled back is told.
-- 2. `notify_deliveries`: one row per outbox entry and channel, the message rendered once (every
--    retry sends the same bytes under the same id), claimed with FOR UPDATE SKIP LOCKED so
--    several servers deliver each once; a claim is a lease, so a crashed server's claim expires.
-- 3. `notify_attempts`: the delivery log, one row per try.
CREATE TABLE notify_outbox (
  seq bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('event', 'clock', 'reply', 'report')),
  complaint_id uuid,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  routed_at timestamptz
);
CREATE INDEX notify_outbox_unrouted ON notify_outbox (seq) WHERE routed_at IS NULL;

CREATE TABLE notify_deliveries (
  id uuid PRIMARY KEY,
  key text NOT NULL UNIQUE,
  outbox_seq bigint NOT NULL REFERENCES notify_outbox (seq),
  channel text NOT NULL,
  channel_type text NOT NULL,
  event text NOT NULL,
  complaint_id uuid,
  message jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL,
  lease_until timestamptz,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  last_error text
);
CREATE INDEX notify_deliveries_due ON notify_deliveries (not_before)
  WHERE status IN ('pending', 'sending');
CREATE INDEX notify_deliveries_created ON notify_deliveries (created_at DESC, id DESC);

CREATE TABLE notify_attempts (
  id bigserial PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES notify_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL,
  detail text NOT NULL,
  ms integer NOT NULL
);
CREATE INDEX notify_attempts_delivery ON notify_attempts (delivery_id, attempt);

-- When notifications were first switched on (clock alerts due earlier are not sent: no burst of
-- old news), and the last monthly report mailed by the schedule.
CREATE TABLE notify_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  enabled_at timestamptz NOT NULL,
  report_month text
);
