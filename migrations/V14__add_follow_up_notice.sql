-- The community's matchmakers are told once, in their inbox, that a follow-up is due (inbox
-- followUp.due). Bookkeeping only: no view shows it.
ALTER TABLE follow_up ADD COLUMN due_told_at TIMESTAMPTZ;
