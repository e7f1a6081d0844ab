-- People as their chat workspace knows them; refreshed from users.info.
CREATE TABLE people (
  workspace_id  text NOT NULL,
  user_id       text NOT NULL,
  display_name  text NOT NULL DEFAULT '',
  email         text NOT NULL DEFAULT '',
  time_zone     text,
  autoconfirm   boolean NOT NULL DEFAULT false,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);

-- A person's reminder choices: one row for "all meetings" (meeting_id ''), one per meeting.
-- minutes NULL means "off"; no row means no choice at that level.
CREATE TABLE reminder_preferences (
  workspace_id  text NOT NULL,
  user_id       text NOT NULL,
  meeting_id    text NOT NULL DEFAULT '',
  minutes       integer CHECK (minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (workspace_id, user_id, meeting_id)
);

CREATE TABLE meetings (
  id                 text PRIMARY KEY,
  workspace_id       text NOT NULL,
  channel_id         text NOT NULL,
  organizer_id       text NOT NULL,
  title              text NOT NULL,
  start_minute       integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  duration_minutes   integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 120),
  days               smallint NOT NULL CHECK (days BETWEEN 1 AND 127),  -- bit per weekday, Sunday = 1
  time_zone          text NOT NULL,
  first_day          date NOT NULL,
  location_kind      text NOT NULL CHECK (location_kind IN ('none', 'room', 'video')),
  room               text,
  video_provider     text,
  video_join_url     text,
  video_external_id  text,
  reminder_minutes   integer,           -- the meeting's own lead
  reminder_off       boolean NOT NULL DEFAULT false,
  status             text NOT NULL CHECK (status IN ('active', 'cancelled')),
  version            integer NOT NULL,
  calendar_event_id  text,
  message_channel    text,
  message_ts         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_by_workspace ON meetings (workspace_id, status);

CREATE TABLE participants (
  meeting_id    text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position      integer NOT NULL,
  user_id       text NOT NULL,
  display_name  text NOT NULL DEFAULT '',
  email         text NOT NULL DEFAULT '',
  status        text NOT NULL CHECK (status IN ('invited', 'accepted', 'declined', 'busy',
                                                  'calendar_not_visible')),
  clash_start   timestamptz,
  clash_end     timestamptz,
  clash_note    text NOT NULL DEFAULT '',
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX participants_by_user ON participants (user_id);

CREATE TABLE agenda_items (
  meeting_id  text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  text        text NOT NULL,
  done        boolean NOT NULL DEFAULT false,
  author_id   text NOT NULL DEFAULT '',
  PRIMARY KEY (meeting_id, position)
);

-- The outbox: side effects written in the same transaction as the state change they belong to.
-- Jobs sharing a queue_key run one at a time in id order (a meeting's message is posted before
-- it is updated); jobs without one run in any order.
CREATE TABLE jobs (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  payload          jsonb NOT NULL,
  queue_key        text,
  idempotency_key  text UNIQUE,
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'running', 'done', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  run_at           timestamptz NOT NULL DEFAULT now(),
  locked_until     timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_by_queue ON jobs (queue_key, id) WHERE status IN ('pending', 'running');

-- Local mode keeps what the bot would have posted to Slack, for `officer say` to print.
CREATE TABLE local_messages (
  id            bigserial PRIMARY KEY,
  workspace_id  text NOT NULL,
  channel_id    text NOT NULL,
  ts            text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('post', 'update', 'direct', 'ephemeral')),
  user_id       text,
  text          text NOT NULL,
  blocks        jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_messages_by_ts ON local_messages (ts);
