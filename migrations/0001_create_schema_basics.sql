-- Workspaces that installed Officer (Slack teams; Teams tenants later).
CREATE TABLE workspaces (
  id            text PRIMARY KEY,
  platform      text NOT NULL DEFAULT 'slack',
  name          text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now()
);
