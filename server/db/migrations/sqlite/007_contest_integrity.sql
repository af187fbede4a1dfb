-- 竞赛防作弊 (issue 12): the WeChat risk check of a submitted attempt and its prize eligibility.
-- risk_check: NULL not checked (WeChat not configured, or not a WeChat user) · 'passed' ·
-- 'flagged' (risk_rank at or above the threshold; the reason says which rank) · 'unavailable'
-- (WeChat failed or did not answer in time: kept unflagged). The attempt is scored and ranked
-- either way; a flagged attempt is not eligible for prizes (draws among perfect scores, top-N).
ALTER TABLE quiz_attempts ADD COLUMN risk_check TEXT
  CHECK (risk_check IS NULL OR risk_check IN ('passed', 'flagged', 'unavailable'));
ALTER TABLE quiz_attempts ADD COLUMN risk_rank INTEGER CHECK (risk_rank IS NULL OR risk_rank BETWEEN 0 AND 4);
ALTER TABLE quiz_attempts ADD COLUMN flag_reason TEXT;
ALTER TABLE quiz_attempts ADD COLUMN prize_eligible INTEGER NOT NULL DEFAULT 1 CHECK (prize_eligible IN (0, 1));
-- the console's queue of flagged attempts per campaign (a partial index: only flagged rows)
CREATE INDEX quiz_attempts_flagged ON quiz_attempts (campaign_id, submitted_at) WHERE risk_check = 'flagged';
