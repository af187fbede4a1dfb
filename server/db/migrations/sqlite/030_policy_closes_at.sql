-- 已截止: the last day of a policy's application window or validity (YYYY-MM-DD), when it has one.
-- A policy past it is marked 已截止 and never leads 最新政策 (server/modules/content).
ALTER TABLE policies ADD COLUMN closes_at TEXT;
