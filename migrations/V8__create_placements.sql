-- Placements (就业安置) and their follow-ups (回访), issue 15. A placement is a resident starting work:
-- through a posting (whose place it took: posting.filled_count counts them), with a partner unit
-- outside any posting, or with an employer named in words (work found outside the partners, a
-- business of their own). Each schedules follow-ups 1, 3 and 6 months after its start. The checks
-- repeat the API's rules so that no path (a script, a future import) stores what the API refuses.

CREATE TABLE placement (
    id              BIGSERIAL PRIMARY KEY,
    jobseeker_id    BIGINT      NOT NULL REFERENCES jobseeker (id),
    -- the resident's community when they were placed: reports count a placement where it was made
    community_id    BIGINT      NOT NULL REFERENCES community (id),
    -- the referral that ended in this hire; the referral table is the referrals package's (V7), so
    -- no foreign key here: a referral is hired at most once
    referral_id     BIGINT      UNIQUE,
    posting_id      BIGINT      REFERENCES posting (id),
    partner_unit_id BIGINT      REFERENCES partner_unit (id),
    employer_name   TEXT        CHECK (employer_name IS NULL OR length(btrim(employer_name)) BETWEEN 1 AND 100),
    type            TEXT        NOT NULL CHECK (type IN ('FORMAL', 'FLEXIBLE', 'PUBLIC_WELFARE',
                                                         'HOUSEHOLD_SERVICE', 'OUTSIDE_WORK', 'SELF_EMPLOYED')),
    start_date      DATE        NOT NULL,
    monthly_wage    INTEGER     NOT NULL CHECK (monthly_wage BETWEEN 0 AND 100000),
    -- NULL: open-ended
    contract_months INTEGER     CHECK (contract_months BETWEEN 0 AND 120),
    note            TEXT        CHECK (length(note) <= 1000),
    recorded_by     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a follow-up that finds the resident left ends the placement
    ended_on        DATE,
    end_reason      TEXT        CHECK (end_reason IN ('WAGE', 'HOURS', 'HEALTH', 'FAMILY',
                                                      'CONTRACT_ENDED', 'DISMISSED', 'OTHER')),
    -- a placement recorded in error is cancelled, not deleted: it counts nowhere and gives its place back
    cancelled_at    TIMESTAMPTZ,
    cancelled_by    TEXT,
    cancel_reason   TEXT        CHECK (length(btrim(cancel_reason)) BETWEEN 1 AND 500),
    version         BIGINT      NOT NULL DEFAULT 0,
    -- the employer: a partner unit or a name, exactly one; a posting's placement names its unit
    CHECK ((partner_unit_id IS NULL) <> (employer_name IS NULL)),
    CHECK (posting_id IS NULL OR partner_unit_id IS NOT NULL),
    CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= start_date),
    CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)
       AND (cancelled_at IS NULL) = (cancel_reason IS NULL))
);
-- one open placement per resident: a second hire while one is open is refused (AlreadyPlaced),
-- and two racing hires of one resident cannot both land
CREATE UNIQUE INDEX placement_open_jobseeker_idx ON placement (jobseeker_id)
    WHERE ended_on IS NULL AND cancelled_at IS NULL;
CREATE INDEX placement_jobseeker_idx ON placement (jobseeker_id, start_date);
CREATE INDEX placement_community_idx ON placement (community_id, start_date);
CREATE INDEX placement_start_idx ON placement (start_date);
CREATE INDEX placement_posting_idx ON placement (posting_id) WHERE posting_id IS NOT NULL;
CREATE INDEX placement_partner_unit_idx ON placement (partner_unit_id) WHERE partner_unit_id IS NOT NULL;

CREATE TABLE follow_up (
    id           BIGSERIAL PRIMARY KEY,
    placement_id BIGINT      NOT NULL REFERENCES placement (id),
    months       INTEGER     NOT NULL CHECK (months IN (1, 3, 6)),
    due_on       DATE        NOT NULL,
    -- NULL until the matchmaker records what they found
    outcome      TEXT        CHECK (outcome IN ('STILL_EMPLOYED', 'CHANGED_JOB', 'LEFT', 'UNREACHABLE')),
    reason       TEXT        CHECK (reason IN ('WAGE', 'HOURS', 'HEALTH', 'FAMILY',
                                               'CONTRACT_ENDED', 'DISMISSED', 'OTHER')),
    note         TEXT        CHECK (length(note) <= 1000),
    recorded_by  TEXT,
    recorded_at  TIMESTAMPTZ,
    UNIQUE (placement_id, months),
    -- a reason is why the resident left, and only that; OTHER says it in the note
    CHECK (outcome IS DISTINCT FROM 'LEFT' OR reason IS NOT NULL),
    CHECK (reason IS NULL OR outcome = 'LEFT'),
    CHECK (reason IS DISTINCT FROM 'OTHER' OR length(btrim(note)) > 0),
    CHECK ((outcome IS NULL) = (recorded_by IS NULL) AND (outcome IS NULL) = (recorded_at IS NULL))
);
-- the worklist's question: what is due or overdue and not yet recorded
CREATE INDEX follow_up_open_due_idx ON follow_up (due_on) WHERE outcome IS NULL;
