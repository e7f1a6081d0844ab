-- A person's connected account at a provider (Google, Microsoft, Zoom): one row per workspace,
-- person and provider. Tokens are kept only encrypted with AES-256-GCM under OFFICER_SECRET_KEY:
-- each *_enc column holds a self-describing blob "v1:<key id>:<nonce>:<ciphertext+tag>" whose
-- associated data binds it to this row and column, so a blob copied elsewhere does not decrypt.
-- key_id names the key that wrote the row, so rows written under an older key can be found and
-- re-encrypted after a rotation. A refresh answered invalid_grant sets needs_reconnect.
CREATE TABLE credentials (
  workspace_id       text NOT NULL,
  user_id            text NOT NULL,
  provider           text NOT NULL CHECK (provider IN ('google', 'microsoft', 'zoom')),
  access_token_enc   text NOT NULL,
  refresh_token_enc  text,  -- NULL when the provider issued none
  expires_at         timestamptz NOT NULL,
  scope              text NOT NULL DEFAULT '',
  key_id             text NOT NULL,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs_reconnect')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id, provider)
);
