-- PostgreSQL's twin of sqlite/034_foia_messages.sql (依申请公开 in 我的消息, issue 20).
ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN ('consultation_reply', 'policy_match', 'information_request'));
