-- Training (职业培训 vocational, 创业培训 entrepreneurship): courses, and residents enrolled in them by
-- their matchmaker, then completed (passed or not, with a certificate number) or withdrawn. A
-- passed course that leads to a licence adds it to the resident's licences (through the jobseekers
-- feature, which raises the row's version); the outbox triggers of V2 then re-index the resident.
-- The CHECKs repeat the API's rules, so that no other writer can store what the API refuses.

CREATE TABLE course (
    id           BIGSERIAL PRIMARY KEY,
    title        TEXT        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
    kind         TEXT        NOT NULL CHECK (kind IN ('VOCATIONAL', 'ENTREPRENEURSHIP')),
    provider     TEXT        NOT NULL CHECK (length(btrim(provider)) BETWEEN 1 AND 100),
    starts_on    DATE        NOT NULL,
    ends_on      DATE        NOT NULL,
    place        TEXT        NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
    -- the community that runs it; null: the street office
    community_id BIGINT      REFERENCES community (id),
    seats        INTEGER     NOT NULL CHECK (seats BETWEEN 1 AND 1000),
    -- enrolments that hold a seat (enrolled or completed): raised and lowered only by a conditional
    -- UPDATE, so that concurrent enrolments never take more seats than there are
    seats_taken  INTEGER     NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= seats),
    -- the licence or certificate it leads to (育婴员证, 电工证), as residents' licences name it
    licence      TEXT        CHECK (licence IS NULL OR length(btrim(licence)) BETWEEN 1 AND 30),
    description  TEXT        CHECK (description IS NULL OR length(description) <= 4000),
    version      BIGINT      NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX course_dates_idx ON course (ends_on, starts_on);

-- One row per course and resident: a withdrawn resident who comes back takes the same row again.
-- A resident's deletion (their data withdrawn) takes their enrolments with it.
CREATE TABLE enrolment (
    id                 BIGSERIAL PRIMARY KEY,
    course_id          BIGINT      NOT NULL REFERENCES course (id),
    jobseeker_id       BIGINT      NOT NULL REFERENCES jobseeker (id) ON DELETE CASCADE,
    status             TEXT        NOT NULL CHECK (status IN ('ENROLLED', 'COMPLETED', 'WITHDRAWN')),
    passed             BOOLEAN,
    certificate_number TEXT        CHECK (certificate_number IS NULL
                                          OR length(btrim(certificate_number)) BETWEEN 1 AND 50),
    completed_on       DATE,
    -- whether the completion added the course's licence to the resident's (false: held already)
    licence_added      BOOLEAN     NOT NULL DEFAULT FALSE,
    note               TEXT        CHECK (note IS NULL OR length(note) <= 500),
    enrolled_by        TEXT        NOT NULL,
    enrolled_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (course_id, jobseeker_id),
    -- a completion has its outcome and day, and nothing else has either
    CHECK ((status = 'COMPLETED') = (passed IS NOT NULL AND completed_on IS NOT NULL)),
    -- a certificate is earned by passing
    CHECK (certificate_number IS NULL OR passed),
    CHECK (NOT licence_added OR passed)
);
CREATE INDEX enrolment_jobseeker_idx ON enrolment (jobseeker_id);
CREATE INDEX enrolment_completed_idx ON enrolment (completed_on) WHERE status = 'COMPLETED';
