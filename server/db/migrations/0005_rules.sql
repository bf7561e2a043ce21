-- Second complaints: phone keys become E.164 (libphonenumber, shared/contact/contact-key.ts), so
-- `+86 10 6512 3456` and `010-6512-3456` are one caller. The keys are rewritten from the
-- snapshots by this migration's backfill (server/db/backfills.ts), never computed in SQL.
SELECT 1;
