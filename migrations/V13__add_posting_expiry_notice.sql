-- A unit is told once that an open posting's validity ends within a week (inbox posting.expiring).
-- The column names the validity it was told about, so a posting extended and nearing its new end
-- is told again. Bookkeeping only: the posting entity does not map it, and it raises no version.
ALTER TABLE posting ADD COLUMN expiry_told_for DATE;
CREATE INDEX posting_open_valid_idx ON posting (valid_through) WHERE status = 'OPEN';
