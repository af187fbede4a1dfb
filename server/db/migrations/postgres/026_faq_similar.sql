-- PostgreSQL's twin of sqlite/038_faq_similar.sql.
-- 相似问法 (issue 16): other ways residents ask a FAQ's question, a JSON array of strings (≤ 10, each
-- ≤ 60 characters, checked by the console's validation); the 智能问答 indexes them as question-like
-- text. Existing FAQs have none. (Not `similar`: a reserved word in PostgreSQL, SIMILAR TO.)
ALTER TABLE faqs ADD COLUMN similar_questions text NOT NULL DEFAULT '[]' CHECK (json_valid(similar_questions));
