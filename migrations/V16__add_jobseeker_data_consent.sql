-- Issue 16: how the resident agreed to the service keeping their data (staff-assisted intake),
-- and when that was recorded. Older profiles have none recorded.
ALTER TABLE jobseeker
    ADD COLUMN data_consent    TEXT CHECK (data_consent IN ('SIGNED_FORM', 'IN_PERSON', 'PHONE', 'ONLINE')),
    ADD COLUMN data_consent_at TIMESTAMPTZ;
