-- Optimistic locking (ETag / If-Match): every write of a posting or a jobseeker row raises its
-- version, so a write based on an older read (a PUT racing an action, two staff editing the same
-- profile) is refused instead of silently undoing the other change. Code that updates these rows
-- in SQL (taking a place, changing a resident's status) raises the version too.

ALTER TABLE posting ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jobseeker ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
