-- Referrals (推荐): a resident put forward for a posting, from request or proposal through the
-- resident's consent and the employer's answer to a hire (docs/referrals.md). Every state change is
-- a row of referral_event; every consent (what was shown, to whom, how, by whom) a row of
-- referral_consent, withdrawn but never deleted. The match board's runs are kept so that a
-- matchmaker can accept some or all of a run's proposals later, with the board's reasons.

CREATE TABLE referral (
    id                BIGSERIAL PRIMARY KEY,
    jobseeker_id      BIGINT      NOT NULL REFERENCES jobseeker (id),
    posting_id        BIGINT      NOT NULL REFERENCES posting (id),
    -- the posting's unit and the resident's community when the referral was made: the unit's
    -- list and the community's worklist read them without a join
    partner_unit_id   BIGINT      NOT NULL REFERENCES partner_unit (id),
    community_id      BIGINT      NOT NULL REFERENCES community (id),
    state             TEXT        NOT NULL CHECK (state IN ('REQUESTED', 'PROPOSED', 'CONSENTED',
                          'DECLINED_BY_RESIDENT', 'SENT', 'INTERVIEW', 'HIRED', 'NOT_HIRED',
                          'WITHDRAWN', 'EXPIRED', 'OBSOLETE')),
    origin            TEXT        NOT NULL CHECK (origin IN ('MATCHMAKER', 'RESIDENT', 'BOARD')),
    note              TEXT        CHECK (length(note) <= 1000),
    -- the match board's explanation (parts of the score) when the referral came from a board run
    board_reasons     JSONB,
    board_score       DOUBLE PRECISION,
    interview_at      TIMESTAMP,
    interview_place   TEXT        CHECK (length(interview_place) <= 200),
    interview_contact TEXT        CHECK (length(interview_contact) <= 100),
    -- sent to the employer, and the employer's first answer (an interview or not hired)
    sent_at           TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    -- the last transition: a referral untouched for expire-after-days expires
    touched_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_reason      TEXT,
    -- when the unit was told its answer is overdue (once per referral)
    reply_reminded_at TIMESTAMPTZ,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0,
    CHECK (answered_at IS NULL OR sent_at IS NOT NULL),
    CHECK (state NOT IN ('SENT', 'INTERVIEW', 'HIRED') OR sent_at IS NOT NULL)
);
-- one live referral per resident and posting: withdrawn or expired ones may be made again, a
-- decision (declined, not hired, hired) stands
CREATE UNIQUE INDEX referral_pair_idx ON referral (jobseeker_id, posting_id)
    WHERE state NOT IN ('WITHDRAWN', 'EXPIRED', 'OBSOLETE');
CREATE INDEX referral_jobseeker_idx ON referral (jobseeker_id, state);
CREATE INDEX referral_posting_idx ON referral (posting_id, state);
CREATE INDEX referral_unit_idx ON referral (partner_unit_id, state, sent_at);
CREATE INDEX referral_community_idx ON referral (community_id, state, touched_at);
CREATE INDEX referral_open_touched_idx ON referral (touched_at)
    WHERE state IN ('REQUESTED', 'PROPOSED', 'CONSENTED', 'SENT', 'INTERVIEW');

CREATE TABLE referral_event (
    id           BIGSERIAL PRIMARY KEY,
    referral_id  BIGINT      NOT NULL REFERENCES referral (id),
    at           TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL CHECK (actor_role IN ('ADMIN', 'MATCHMAKER', 'EMPLOYER',
                     'RESIDENT', 'SYSTEM')),
    from_state   TEXT,
    to_state     TEXT        NOT NULL,
    reason       TEXT,
    note         TEXT        CHECK (length(note) <= 1000)
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id);
CREATE INDEX referral_event_reason_idx ON referral_event (to_state, reason);

-- Separate consent (个人信息保护法 Arts. 23, 29): for one referral, to one unit, these fields.
CREATE TABLE referral_consent (
    id              BIGSERIAL PRIMARY KEY,
    referral_id     BIGINT      NOT NULL REFERENCES referral (id),
    partner_unit_id BIGINT      NOT NULL REFERENCES partner_unit (id),
    unit_name       TEXT        NOT NULL,
    posting_title   TEXT        NOT NULL,
    fields          TEXT[]      NOT NULL CHECK (cardinality(fields) >= 1),
    method          TEXT        NOT NULL CHECK (method IN ('ONLINE', 'IN_PERSON_SIGNATURE',
                        'PHONE_CALL', 'PAPER_FORM')),
    reference       TEXT        CHECK (length(reference) <= 200),
    recorded_by     TEXT        NOT NULL,
    recorded_role   TEXT        NOT NULL,
    given_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    withdrawn_at    TIMESTAMPTZ,
    withdrawn_by    TEXT,
    CHECK (method = 'ONLINE' OR reference IS NOT NULL),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE UNIQUE INDEX referral_consent_active_idx ON referral_consent (referral_id)
    WHERE withdrawn_at IS NULL;

-- The match board's runs: proposals kept for acceptance.
CREATE TABLE board_run (
    id            BIGSERIAL PRIMARY KEY,
    community_id  BIGINT      REFERENCES community (id),
    per_resident  INTEGER     NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE board_proposal (
    id            BIGSERIAL        PRIMARY KEY,
    run_id        BIGINT           NOT NULL REFERENCES board_run (id) ON DELETE CASCADE,
    posting_id    BIGINT           NOT NULL,
    jobseeker_id  BIGINT           NOT NULL,
    score         DOUBLE PRECISION NOT NULL,
    parts         JSONB            NOT NULL,
    UNIQUE (run_id, posting_id, jobseeker_id)
);
