-- Officer's own calendar: where standups go when nobody connected Google or Microsoft, and the
-- calendar local mode uses. An event repeats weekly on `days` (a bit per weekday, Sunday = 1, as
-- in meetings) at start_minute local time in time_zone, from first_day on; the application
-- computes the occurrences, exactly as it does for meetings. Attendee keys are e-mails or user
-- ids; the owner is one of them.
CREATE TABLE local_calendar_events (
  id                text PRIMARY KEY DEFAULT 'ev-' || replace(gen_random_uuid()::text, '-', ''),
  owner_id          text NOT NULL,
  title             text NOT NULL,
  time_zone         text NOT NULL,
  start_minute      integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  days              smallint NOT NULL CHECK (days BETWEEN 1 AND 127),
  first_day         date NOT NULL,
  attendees         text[] NOT NULL,
  location          text NOT NULL DEFAULT '',
  description       text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  responses         jsonb NOT NULL DEFAULT '{}'::jsonb,  -- attendee key -> accepted|declined
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- Free/busy asks "which active events list any of these people": attendees && $1::text[].
CREATE INDEX local_calendar_events_by_attendee ON local_calendar_events USING gin (attendees)
  WHERE status = 'active';

-- One-off appointments on a person's local calendar ("busy 14:00-15:00 on 1 Dec").
CREATE TABLE local_busy_blocks (
  id          bigserial PRIMARY KEY,
  attendee    text NOT NULL,
  title       text NOT NULL DEFAULT '',
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX local_busy_blocks_by_attendee ON local_busy_blocks (attendee, ends_at);

-- The fractional part of the Slack-style ts that local mode gives each message it keeps; a
-- sequence keeps ts values unique however many processes post at once.
CREATE SEQUENCE local_message_ts_seq;
