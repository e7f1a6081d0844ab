-- Jobs that have workers of their own (clicks) wait in a lane of their own, and every claim walks
-- only its lane's due jobs: a backlog in one lane (thousands of clicks behind a busy meeting) no
-- longer lies in the path of every other claim. This replaces 0009's index by kind.
ALTER TABLE jobs ADD COLUMN lane text NOT NULL DEFAULT '';
DROP INDEX jobs_due_by_kind;
DROP INDEX jobs_due;
CREATE INDEX jobs_due ON jobs (lane, run_at, id) WHERE status IN ('pending', 'running');
