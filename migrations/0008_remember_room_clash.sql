-- What the room's calendar said: the first clash of a booked room, shown on the meeting message.
ALTER TABLE meetings ADD COLUMN room_clash_note text NOT NULL DEFAULT '';
