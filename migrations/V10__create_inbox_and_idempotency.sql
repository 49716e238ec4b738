-- The inbox: notices addressed to an audience (a resident's profile, a partner unit's employers, a
-- community's matchmakers, or the admins), written in the transaction of the event that causes
-- them, stored as a kind and its parameters and rendered in the reader's language when read.
-- Read marks are per user: everyone of an audience reads on their own.

CREATE TABLE inbox_message (
    id              BIGSERIAL PRIMARY KEY,
    audience        TEXT        NOT NULL CHECK (audience IN ('RESIDENT', 'UNIT', 'COMMUNITY', 'ADMINS')),
    jobseeker_id    BIGINT      REFERENCES jobseeker (id),
    partner_unit_id BIGINT      REFERENCES partner_unit (id),
    community_id    BIGINT      REFERENCES community (id),
    -- names a text inbox.<kind> of the message bundles; params fill its {placeholders}
    kind            TEXT        NOT NULL CHECK (kind ~ '^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$'),
    params          JSONB       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
    -- what the message is about, for a link: ('referral', 12)
    subject_type    TEXT        CHECK (length(subject_type) BETWEEN 1 AND 40),
    subject_id      BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- exactly the audience's own column is set
    CHECK ((audience = 'RESIDENT') = (jobseeker_id IS NOT NULL)),
    CHECK ((audience = 'UNIT') = (partner_unit_id IS NOT NULL)),
    CHECK ((audience = 'COMMUNITY') = (community_id IS NOT NULL))
);
CREATE INDEX inbox_message_jobseeker_idx ON inbox_message (jobseeker_id, id) WHERE jobseeker_id IS NOT NULL;
CREATE INDEX inbox_message_unit_idx ON inbox_message (partner_unit_id, id) WHERE partner_unit_id IS NOT NULL;
CREATE INDEX inbox_message_community_idx ON inbox_message (community_id, id) WHERE community_id IS NOT NULL;
CREATE INDEX inbox_message_admins_idx ON inbox_message (id) WHERE audience = 'ADMINS';

CREATE TABLE inbox_read (
    username   TEXT        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    message_id BIGINT      NOT NULL REFERENCES inbox_message (id) ON DELETE CASCADE,
    read_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (username, message_id)
);
CREATE INDEX inbox_read_message_idx ON inbox_read (message_id);

-- Idempotency-Key: the first result of a creating request per (user, scope, key), so that a retry
-- returns it instead of creating again. The row is inserted before the work and holds the unique
-- index until the request's transaction ends: a concurrent retry waits for it, then reads the
-- result. Rows older than 24 hours are pruned.

CREATE TABLE idempotency_key (
    username     TEXT        NOT NULL,
    scope        TEXT        NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
    key          TEXT        NOT NULL CHECK (key ~ '^[!-~]{1,200}$'),
    -- SHA-256 of the request as the service serialises it: another body under the same key is refused
    request_hash BYTEA       NOT NULL,
    result       JSONB,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, scope, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
