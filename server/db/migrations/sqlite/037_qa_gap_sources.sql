-- 问答缺口 from 一站搜索 (issue 16): a submitted search the 智能问答 has no confident answer for is
-- logged like an unanswered /qa/search question; search_count is how many of a group's ask_count
-- came from the search box, so the console can tell 问答 from 搜索.
ALTER TABLE qa_gaps ADD COLUMN search_count INTEGER NOT NULL DEFAULT 0;
