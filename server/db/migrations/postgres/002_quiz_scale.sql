-- PostgreSQL's twin of sqlite/016_quiz_scale.sql: participants per campaign, score and whole second
-- of time used, kept in step with quiz_standings in the same transaction, so a rank sums a few
-- hundred rows instead of walking every standing with the caller's score.
CREATE TABLE quiz_time_counts (
  campaign_id  text NOT NULL REFERENCES campaigns (id),
  score        integer NOT NULL,
  time_sec     integer NOT NULL,
  participants bigint NOT NULL,
  PRIMARY KEY (campaign_id, score, time_sec)
);

INSERT INTO quiz_time_counts (campaign_id, score, time_sec, participants)
SELECT campaign_id, score, time_used_ms / 1000, COUNT(*) FROM quiz_standings GROUP BY campaign_id, score, time_used_ms / 1000;
