-- 知识竞赛 live monitor and population (issue 15).
-- Per-question answer times of a submitted attempt, in the attempt's question order (ms, as the
-- client measured them): the suspicious-attempt checks read them (server/modules/campaign-monitor).
ALTER TABLE quiz_attempts ADD COLUMN question_ms TEXT CHECK (question_ms IS NULL OR json_valid(question_ms));
-- the monitor's attempts-over-time and the suspicious checks walk one campaign's submitted attempts,
-- by county for a county's staff, without touching the other campaigns' rows
CREATE INDEX quiz_attempts_monitor ON quiz_attempts (campaign_id, status, county_code, submitted_at);
-- a county's score distribution and results export: its standings only
CREATE INDEX quiz_standings_by_county ON quiz_standings (campaign_id, county_code, score);

-- 常住人口 as edited in the console: the year and source of each figure, and who set it when
ALTER TABLE quiz_region_residents ADD COLUMN year INTEGER;
ALTER TABLE quiz_region_residents ADD COLUMN source TEXT;
ALTER TABLE quiz_region_residents ADD COLUMN updated_at TEXT;
ALTER TABLE quiz_region_residents ADD COLUMN updated_by TEXT;

-- every change of a figure (append-only history, shown beside the table)
CREATE TABLE quiz_population_history (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code TEXT NOT NULL,
  before      INTEGER,
  after       INTEGER NOT NULL CHECK (after > 0),
  year        INTEGER NOT NULL,
  source      TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  changed_at  TEXT NOT NULL
);
CREATE INDEX quiz_population_history_by_region ON quiz_population_history (region_code, id DESC);
