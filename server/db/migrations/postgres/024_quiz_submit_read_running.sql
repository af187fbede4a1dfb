-- Issue 13: quiz_submit_read (migration 022) leaves the attempt being submitted out of `running`. The
-- submit drops it from there anyway (its key verdicts are those of the result, after it closes), so
-- the read sent its questions twice (once as the attempt, once among the running ones) for the
-- server to escape and Node to parse again. Otherwise the same function.
CREATE OR REPLACE FUNCTION quiz_submit_read(p_user text, p_attempt text) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM users WHERE id = p_user FOR UPDATE;
  RETURN (
    SELECT row_to_json(x) FROM (
      SELECT a.id, a.user_id, a.campaign_id, a.started_at, a.deadline, a.status, a.questions, a.region_code,
        a.county_code, a.township_code, a.answers, a.score, a.correct_count, a.time_used_ms, a.submitted_at,
        c.rules AS campaign_rules, s.attempt_id AS standing_attempt_id, s.score AS standing_score,
        s.time_used_ms AS standing_time_used_ms, s.finished_at AS standing_finished_at,
        s.county_code AS standing_county_code, s.township_code AS standing_township_code,
        (SELECT json_agg(json_build_object('question_id', m.question_id, 'wrong_count', m.wrong_count, 'streak', m.streak,
            'last_wrong_at', m.last_wrong_at))
          FROM quiz_mistakes m
          WHERE m.user_id = a.user_id
            AND m.question_id IN (SELECT q ->> 'id' FROM jsonb_array_elements(a.questions::jsonb) AS q)) AS mistakes,
        (SELECT json_agg(json_build_object('id', r.id, 'questions', r.questions, 'deadline', r.deadline))
          FROM quiz_attempts r WHERE r.user_id = p_user AND r.status = 'active' AND r.id <> p_attempt) AS running,
        (SELECT json_agg(json_build_object('id', k.id, 'starts_at', k.starts_at, 'ends_at', k.ends_at, 'rules', k.rules) ORDER BY k.id)
          FROM campaigns k) AS campaigns
      FROM quiz_attempts a
      LEFT JOIN campaigns c ON c.id = a.campaign_id
      LEFT JOIN quiz_standings s ON s.campaign_id = a.campaign_id AND s.user_id = a.user_id
      WHERE a.id = p_attempt
    ) x
  );
END
$$;
