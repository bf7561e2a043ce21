-- The queue's status and severity filters are IN lists: one index on both, read per
-- (status, severity) pair in updated_at order and merged (see store/complaint-list.ts),
-- replaces the two single-column ones (and costs one index update fewer per write).
DROP INDEX complaints_status_updated;
DROP INDEX complaints_severity_updated;
CREATE INDEX complaints_queue ON complaints (status, severity, updated_at DESC, id DESC);
