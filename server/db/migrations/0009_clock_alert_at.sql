-- The clock scan (server/notify) reads only complaints with a warning or breach due: `alert_at`
-- is the next moment one of a complaint's running clocks warns or breaches (shared
-- nextClockAlertAt), written with every snapshot and advanced by the scan. Rows written before
-- this migration are due now, so the first scan looks at each once and stores its real moment.
ALTER TABLE complaints ADD COLUMN alert_at timestamptz;
UPDATE complaints SET alert_at = received_at WHERE next_due_at IS NOT NULL;
CREATE INDEX complaints_alert_at ON complaints (alert_at) WHERE alert_at IS NOT NULL;

-- The policy the stored moments were computed with: when it changes, every open complaint is
-- looked at once more (deadlines follow the policy).
ALTER TABLE notify_state ADD COLUMN clock_policy text;
