-- Issue 13: quiz submits grouped into one transaction on PostgreSQL (server/modules/quiz/submit-batch.ts).
--
-- quiz_submit_read_batch: what quiz_submit_read_session (migration 025) reads, for many submits at
-- once. Takes the sessions' token hashes and the attempts, member by member; locks the users of
-- every live session FOR UPDATE in user-id order (so two batches, on two instances, lock their
-- users in one order and never deadlock over them), then reads, in a fresh snapshot (a VOLATILE
-- function's next statement, as in migration 022: everything the locks waited for is seen), per
-- member { session, submit } (NULL when no session has that hash or its user is disabled; submit
-- NULL when there is no such attempt), and every campaign's window and rules once.
CREATE FUNCTION quiz_submit_read_batch(p_sessions text[], p_attempts text[]) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM users u
  WHERE u.id IN (SELECT s.user_id FROM sessions s WHERE s.token_hash = ANY (p_sessions)) AND u.disabled_at IS NULL
  ORDER BY u.id
  FOR UPDATE OF u;
  RETURN json_build_object(
    'members', (
      SELECT json_agg(
        CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('session', row_to_json(v), 'submit', (
          SELECT row_to_json(x) FROM (
            SELECT a.id, a.user_id, a.campaign_id, a.started_at, a.deadline, a.status, a.questions, a.region_code,
              a.county_code, a.township_code, a.answers, a.score, a.correct_count, a.time_used_ms, a.submitted_at,
              c.rules AS campaign_rules, st.attempt_id AS standing_attempt_id, st.score AS standing_score,
              st.time_used_ms AS standing_time_used_ms, st.finished_at AS standing_finished_at,
              st.county_code AS standing_county_code, st.township_code AS standing_township_code,
              (SELECT json_agg(json_build_object('question_id', m.question_id, 'wrong_count', m.wrong_count, 'streak', m.streak,
                  'last_wrong_at', m.last_wrong_at))
                FROM quiz_mistakes m
                WHERE m.user_id = a.user_id
                  AND m.question_id IN (SELECT q ->> 'id' FROM jsonb_array_elements(a.questions::jsonb) AS q)) AS mistakes,
              (SELECT json_agg(json_build_object('id', r.id, 'questions', r.questions, 'deadline', r.deadline))
                FROM quiz_attempts r WHERE r.user_id = v.id AND r.status = 'active' AND r.id <> p.attempt) AS running
            FROM quiz_attempts a
            LEFT JOIN campaigns c ON c.id = a.campaign_id
            LEFT JOIN quiz_standings st ON st.campaign_id = a.campaign_id AND st.user_id = a.user_id
            WHERE a.id = p.attempt
          ) x)) END
        ORDER BY p.i)
      FROM unnest(p_sessions, p_attempts) WITH ORDINALITY AS p(hash, attempt, i)
      LEFT JOIN LATERAL (
        SELECT u.id, u.nickname, u.role, u.region_code, u.org_code, u.department, s.expires_at, s.last_seen_at, s.idle_ms
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = p.hash AND u.disabled_at IS NULL
      ) v ON true
    ),
    'campaigns', (SELECT json_agg(json_build_object('id', k.id, 'starts_at', k.starts_at, 'ends_at', k.ends_at, 'rules', k.rules) ORDER BY k.id)
      FROM campaigns k)
  );
END
$$;

-- The batch's one write ends with this check: every attempt it closes must have been active (the
-- users' locks make that so); if one was not, the statement fails, so the COMMIT sent behind it
-- answers ROLLBACK and nothing of the batch is kept (each member then runs alone).
CREATE FUNCTION quiz_batch_closed_all(closed bigint, expected int) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF closed <> expected THEN
    RAISE EXCEPTION 'quiz submit batch: % of % attempts were still active', closed, expected;
  END IF;
  RETURN true;
END
$$;
