-- Issue 13: a quiz submit on PostgreSQL looks its session up in its transaction's first round trip,
-- instead of one round trip of its own before it (server/modules/quiz/routes.ts, config.session =
-- 'own'). Returns NULL when no session has this token hash (or its user is disabled), else
-- { session, submit }: the session with its user (the columns of the auth repository's
-- SESSION_OF_HASH; whether it has expired is decided by the caller, as for every other request) and
-- quiz_submit_read for that user and the attempt (the user's lock and the submit's one read).
CREATE FUNCTION quiz_submit_read_session(p_session text, p_attempt text) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v record;
BEGIN
  SELECT u.id, u.nickname, u.role, u.region_code, u.org_code, u.department, s.expires_at, s.last_seen_at, s.idle_ms INTO v
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = p_session AND u.disabled_at IS NULL;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN json_build_object('session', row_to_json(v), 'submit', quiz_submit_read(v.id, p_attempt));
END
$$;
