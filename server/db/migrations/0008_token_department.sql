-- The department a staff member works in (a policy department code), so the extension's assign
-- picker can group the team by it (GET /api/v1/team). Optional: existing tokens and admins have
-- none. Only the code's shape is checked here; the API and the CLI check it against the policy.
ALTER TABLE tokens ADD COLUMN department text
  CHECK (department IS NULL OR department ~ '^[a-z][a-z0-9_]{0,63}$');
