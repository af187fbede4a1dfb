-- Sign-in hardening after the review of issue 12.
--
-- WeChat web authorisation (review M3): the browser that asks for the authorise URL makes a random
-- nonce, keeps it in sessionStorage and sends only its SHA-256; the state is stored with that hash
-- and the code exchange must present the nonce itself, so a code+state link started by someone
-- else cannot sign this browser in. States made before this migration have no hash and are refused
-- (they live 10 minutes).
ALTER TABLE oauth_states ADD COLUMN nonce_hash TEXT;

-- Secrets of this data directory, made at random the first time they are needed and never sent
-- anywhere: `viewer-key` keys the HMAC that turns an anonymous viewer's address into the video
-- view counter's viewer id (review L8; a bare sha256 of an IPv4 address is reversed by trying all
-- 2^32). Hex strings.
CREATE TABLE server_secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
