-- Issue 13: a quiz submit on PostgreSQL takes the user's lock and makes its one read in one round
-- trip (server/modules/quiz/repository.ts, `submitReads`). The read cannot simply join the locking
-- SELECT … FOR UPDATE: that statement's other rows would come from the snapshot taken before it
-- waited for the lock, so a submit waiting behind another submit of the same attempt would still
-- read it as active. Inside a VOLATILE function each statement takes a fresh snapshot (READ
-- COMMITTED), so the read below sees everything the lock waited for.
--
-- Returns, as one JSON object (NULL when there is no such attempt): the attempt, its campaign's
-- rules, the user's standing in the campaign, the user's 错题本 rows among the attempt's questions,
-- the user's running attempts and every campaign's window and rules (what the result's key
-- verdicts are computed from, server/modules/contest-integrity/repository.ts).
CREATE FUNCTION quiz_submit_read(p_user text, p_attempt text) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
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
          FROM quiz_attempts r WHERE r.user_id = p_user AND r.status = 'active') AS running,
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
