-- A rank without a walk over the caller's whole score (issue 13). countAhead summed the higher
-- scores from quiz_score_counts but then counted, in the board index, every standing with the same
-- score and less time: about participants / 11 rows (25,000 at 1,000,000 attempts), on every submit
-- (the result carries the rank) and every signed-in board. Participants per campaign, score and
-- whole second of time used, kept in step with quiz_standings in the same transaction (like
-- quiz_score_counts): a rank now sums at most a few hundred of these rows and counts only the
-- standings within the caller's own second.
CREATE TABLE quiz_time_counts (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  score        INTEGER NOT NULL,
  time_sec     INTEGER NOT NULL,
  participants INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, score, time_sec)
) WITHOUT ROWID;

INSERT INTO quiz_time_counts (campaign_id, score, time_sec, participants)
SELECT campaign_id, score, time_used_ms / 1000, COUNT(*) FROM quiz_standings GROUP BY campaign_id, score, time_used_ms / 1000;
