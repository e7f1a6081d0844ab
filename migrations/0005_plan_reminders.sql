-- Reminders are planned as jobs (kind 'reminder', run_at = send time) for a rolling horizon;
-- a meeting whose horizon is NULL or near its end is (re)planned by the next scheduler tick.
ALTER TABLE meetings ADD COLUMN reminders_planned_until timestamptz;
CREATE INDEX meetings_reminder_horizon ON meetings (reminders_planned_until NULLS FIRST)
  WHERE status = 'active';

-- One row per (meeting, occurrence, recipient): the key makes each reminder go out once, with any
-- number of replicas and across restarts. 'sending' is a claim a crashed sender leaves behind;
-- it can be taken over once stale.
CREATE TABLE reminder_ledger (
  meeting_id        text NOT NULL,
  occurrence_start  timestamptz NOT NULL,
  recipient_id      text NOT NULL,
  outcome           text NOT NULL CHECK (outcome IN ('sending', 'sent', 'skipped_cancelled',
                                                     'skipped_off', 'dropped_late')),
  decided_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, occurrence_start, recipient_id)
);
CREATE INDEX reminder_ledger_by_outcome ON reminder_ledger (outcome);
