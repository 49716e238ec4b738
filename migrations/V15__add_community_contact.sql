-- Issue 16: each community's page says when and where its matchmakers can be met, and how to call.
ALTER TABLE community
    ADD COLUMN office_hours TEXT CHECK (office_hours IS NULL OR length(office_hours) <= 200),
    ADD COLUMN address      TEXT CHECK (address IS NULL OR length(address) <= 200),
    ADD COLUMN phone        TEXT CHECK (phone IS NULL OR phone ~ '^[0-9][0-9-]{4,19}$');
