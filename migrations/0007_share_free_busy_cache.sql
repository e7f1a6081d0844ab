-- Free/busy answers kept for a few minutes and shared by every replica, so a booking on one
-- replica drops what all of them remember about its attendees. UNLOGGED: a cache needs no WAL,
-- and losing it in a crash only costs a few calendar queries.
CREATE UNLOGGED TABLE free_busy_cache (
  account      text   NOT NULL,  -- who asked: 'local' or '<provider>:<user id>'
  attendee     text   NOT NULL,  -- lower-cased e-mail (or chat id without one)
  window_start bigint NOT NULL,  -- the asked window, rounded out to whole hours, unix seconds
  window_end   bigint NOT NULL,
  availability jsonb  NOT NULL,  -- {"visible": false} or {"visible": true, "busy": [[s, e], …]}
  stored_at    bigint NOT NULL,  -- Officer's clock, unix seconds
  PRIMARY KEY (account, attendee, window_start, window_end)
);

CREATE INDEX free_busy_cache_by_attendee ON free_busy_cache (attendee);
CREATE INDEX free_busy_cache_by_age ON free_busy_cache (stored_at);
