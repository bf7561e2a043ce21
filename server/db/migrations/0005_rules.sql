-- Second complaints: phone keys become E.164 (libphonenumber, shared/contact/contact-key.ts), so
-- `+86 10 6512 3456` and `010-6512-3456` are one caller. The keys are rewritten from the
-- snapshots by this migration's backfill (server/db/backfills.ts), never computed in SQL.


-- Case-number templates may carry the day (`YYYYMMDD-NNN`): serials then restart daily, so a
-- numbering period is `YYMM` or `YYMMDD` (shared/numbering caseNumberPeriod).
ALTER TABLE case_number_counters DROP CONSTRAINT case_number_counters_period_check;
ALTER TABLE case_number_counters ADD CONSTRAINT case_number_counters_period_check
  CHECK (period ~ '^[0-9]{4}([0-9]{2})?$');
