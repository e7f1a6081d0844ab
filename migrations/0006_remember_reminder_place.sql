-- Where a person gets their reminders: a direct message, or the standup's channel.
ALTER TABLE people ADD COLUMN reminder_place text NOT NULL DEFAULT 'dm'
  CHECK (reminder_place IN ('dm', 'channel'));
