-- Review of issue 12 (H2, L3, L5): staff scope, the lecturer link, who disabled an account, and an
-- append-only audit log.

-- A lecturer account speaks for one lecturer of the menu (lecture_topics.lecturers[].id) by this
-- explicit link, set when an admin creates the account (or by dev login for the demo names), never
-- by its display name. One account per lecturer.
ALTER TABLE users ADD COLUMN lecturer_id TEXT;
CREATE UNIQUE INDEX users_by_lecturer ON users (lecturer_id) WHERE lecturer_id IS NOT NULL;

-- Who disabled the account (a user id; NULL for the command line or an enabled account): an admin
-- below the one who disabled it may not enable it again.
ALTER TABLE users ADD COLUMN disabled_by TEXT;

-- The audit log is append-only: nothing in the application or a stray script may change or
-- remove an entry once written.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
