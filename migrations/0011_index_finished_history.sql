-- Finished jobs and the records of past reminders are deleted once they are old (HistorySweep);
-- these indexes let the sweep find them without reading either table whole. Pending and running
-- jobs are left out, so the index costs nothing when a job is queued.
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE status IN ('done', 'dead');
CREATE INDEX reminder_ledger_by_occurrence ON reminder_ledger (occurrence_start);
