-- Clicks have a worker of their own that claims only click jobs; this index lets it find the due
-- ones without walking past every other due job (a backlog of replies to a slow Slack, say).
CREATE INDEX jobs_due_by_kind ON jobs (kind, run_at, id) WHERE status IN ('pending', 'running');
