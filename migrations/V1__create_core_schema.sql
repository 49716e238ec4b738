-- Hongniang core schema: communities, partner units and agreements, postings, jobseekers, users.
-- PostgreSQL is the source of truth; checks here repeat the API's validation so that no path
-- (import, script, future feature) can store what the API would refuse.

CREATE TABLE community (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE partner_unit (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    credit_code    CHAR(18)    NOT NULL UNIQUE,
    address        TEXT,
    contact_person TEXT,
    contact_phone  TEXT,
    industry       TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agreement (
    id                   BIGSERIAL PRIMARY KEY,
    partner_unit_id      BIGINT      NOT NULL REFERENCES partner_unit (id),
    number               TEXT        NOT NULL UNIQUE CHECK (length(btrim(number)) BETWEEN 1 AND 50),
    signing_community_id BIGINT      NOT NULL REFERENCES community (id),
    signed_on            DATE        NOT NULL,
    valid_until          DATE        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    notes                TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (valid_until >= signed_on)
);
CREATE INDEX agreement_partner_unit_idx ON agreement (partner_unit_id, status, valid_until);

CREATE TABLE posting (
    id                  BIGSERIAL PRIMARY KEY,
    partner_unit_id     BIGINT      NOT NULL REFERENCES partner_unit (id),
    title               TEXT        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
    description         TEXT,
    occupation          TEXT        NOT NULL,
    skills              TEXT[]      NOT NULL DEFAULT '{}',
    headcount           INTEGER     NOT NULL CHECK (headcount >= 1),
    filled_count        INTEGER     NOT NULL DEFAULT 0 CHECK (filled_count >= 0 AND filled_count <= headcount),
    wage_min            INTEGER     NOT NULL CHECK (wage_min >= 0),
    wage_max            INTEGER     NOT NULL,
    wage_note           TEXT,
    schedule            TEXT        NOT NULL CHECK (schedule IN ('FULL_TIME', 'PART_TIME', 'FLEXIBLE', 'SHIFT')),
    work_community_id   BIGINT      REFERENCES community (id),
    city                TEXT        NOT NULL,
    min_age             INTEGER     CHECK (min_age BETWEEN 16 AND 80),
    max_age             INTEGER     CHECK (max_age BETWEEN 16 AND 80),
    min_education       TEXT        NOT NULL DEFAULT 'NONE',
    required_licences   TEXT[]      NOT NULL DEFAULT '{}',
    public_welfare      BOOLEAN     NOT NULL DEFAULT FALSE,
    accommodation       BOOLEAN     NOT NULL DEFAULT FALSE,
    disability_friendly BOOLEAN     NOT NULL DEFAULT FALSE,
    valid_through       DATE        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'PAUSED', 'FILLED', 'CLOSED')),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (wage_max >= wage_min),
    CHECK (min_age IS NULL OR max_age IS NULL OR max_age >= min_age)
);
CREATE INDEX posting_partner_unit_idx ON posting (partner_unit_id);
CREATE INDEX posting_status_idx ON posting (status, work_community_id);

CREATE TABLE jobseeker (
    id                    BIGSERIAL PRIMARY KEY,
    name                  TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    gender                TEXT        NOT NULL CHECK (gender IN ('FEMALE', 'MALE')),
    id_number             CHAR(18) UNIQUE,
    birth_date            DATE,
    birth_year            INTEGER     NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
    phone                 TEXT,
    community_id          BIGINT      NOT NULL REFERENCES community (id),
    education             TEXT        NOT NULL DEFAULT 'NONE',
    skills                TEXT[]      NOT NULL DEFAULT '{}',
    experience            TEXT,
    desired_occupations   TEXT[]      NOT NULL DEFAULT '{}',
    min_wage              INTEGER     CHECK (min_wage >= 0),
    acceptable_schedules  TEXT[]      NOT NULL DEFAULT '{}',
    willing_outside       BOOLEAN     NOT NULL DEFAULT FALSE,
    licences              TEXT[]      NOT NULL DEFAULT '{}',
    difficulty_categories TEXT[]      NOT NULL DEFAULT '{}',
    difficulty_note       TEXT,
    disability_note       TEXT,
    unemployed_since      DATE,
    status                TEXT        NOT NULL CHECK (status IN ('SEEKING', 'REFERRED', 'EMPLOYED', 'INACTIVE')),
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX jobseeker_community_idx ON jobseeker (community_id, status);

CREATE TABLE app_user (
    id              BIGSERIAL PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,40}$'),
    password_hash   TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('ADMIN', 'MATCHMAKER', 'EMPLOYER', 'RESIDENT')),
    display_name    TEXT,
    community_id    BIGINT REFERENCES community (id),
    partner_unit_id BIGINT REFERENCES partner_unit (id),
    jobseeker_id    BIGINT REFERENCES jobseeker (id),
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (role <> 'MATCHMAKER' OR community_id IS NOT NULL),
    CHECK (role <> 'EMPLOYER' OR partner_unit_id IS NOT NULL),
    CHECK (role <> 'RESIDENT' OR jobseeker_id IS NOT NULL)
);

-- Every read of a resident's unmasked personal data by staff, and every change, is recorded.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    subject_type TEXT        NOT NULL,
    subject_id   BIGINT,
    detail       TEXT
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
