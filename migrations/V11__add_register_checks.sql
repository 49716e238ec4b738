-- A clean register (issue 15, docs/register.md): a resident still seeking work is asked "still
-- looking?" when nothing has been heard of them for hongniang.register.ask-every-days; an ask
-- unanswered for answer-days is asked once more, and a second ask unanswered as long sets the
-- resident INACTIVE with the reason NO_ANSWER. An INACTIVE resident carries why and since when;
-- a duplicate merged into another profile names it.

-- The last time the resident told us something (an answer, a reactivation); NULL when never.
-- Their last contact is the later of this and updated_at (created, or changed by staff).
ALTER TABLE jobseeker ADD COLUMN contacted_at TIMESTAMPTZ;
ALTER TABLE jobseeker ADD COLUMN inactive_reason TEXT
    CHECK (inactive_reason IN ('NO_ANSWER', 'NOT_LOOKING', 'MERGED', 'SET_BY_STAFF'));
ALTER TABLE jobseeker ADD COLUMN inactive_since TIMESTAMPTZ;
-- the profile this one was merged into; a deleted kept profile leaves the reason without it
ALTER TABLE jobseeker ADD COLUMN merged_into BIGINT REFERENCES jobseeker (id) ON DELETE SET NULL;

UPDATE jobseeker SET inactive_reason = 'SET_BY_STAFF', inactive_since = updated_at
 WHERE status = 'INACTIVE';

ALTER TABLE jobseeker ADD CONSTRAINT jobseeker_inactive_reason_status_check
    CHECK ((status = 'INACTIVE') = (inactive_reason IS NOT NULL));
ALTER TABLE jobseeker ADD CONSTRAINT jobseeker_inactive_since_status_check
    CHECK ((status = 'INACTIVE') = (inactive_since IS NOT NULL));
ALTER TABLE jobseeker ADD CONSTRAINT jobseeker_merged_into_reason_check
    CHECK (merged_into IS NULL OR (inactive_reason = 'MERGED' AND merged_into <> id));

-- A status set by any other path (a profile's PUT or import, another feature's SQL) keeps the
-- reason and its date consistent: leaving INACTIVE clears them, entering it without a reason
-- records SET_BY_STAFF from now. The register's own updates set both explicitly.
CREATE FUNCTION jobseeker_inactive_reason() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'INACTIVE' THEN
        NEW.inactive_reason := NULL;
        NEW.inactive_since := NULL;
        NEW.merged_into := NULL;
    ELSE
        NEW.inactive_reason := coalesce(NEW.inactive_reason, 'SET_BY_STAFF');
        NEW.inactive_since := coalesce(NEW.inactive_since, now());
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER jobseeker_inactive_ins BEFORE INSERT ON jobseeker FOR EACH ROW
    WHEN (NEW.status = 'INACTIVE' OR NEW.inactive_reason IS NOT NULL)
    EXECUTE FUNCTION jobseeker_inactive_reason();
CREATE TRIGGER jobseeker_inactive_upd BEFORE UPDATE OF status ON jobseeker FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION jobseeker_inactive_reason();

-- the residents whose last contact is oldest, per community (the worklist, the asks)
CREATE INDEX jobseeker_contact_idx ON jobseeker (community_id, greatest(updated_at, contacted_at))
    WHERE status IN ('SEEKING', 'REFERRED');
-- the duplicate guard: the same phone (with or without the dash of a landline), the same name
-- and birth year (then the birth date where both are known)
CREATE INDEX jobseeker_phone_idx ON jobseeker (replace(phone, '-', '')) WHERE phone IS NOT NULL;
CREATE INDEX jobseeker_name_birth_idx ON jobseeker (name, birth_year);

-- Each "still looking?" ask: round 1, or round 2 when round 1 went unanswered. An ask ends
-- answered, or closed unanswered (asked again, the resident set INACTIVE, or no longer seeking).
CREATE TABLE check_in (
    id             BIGSERIAL PRIMARY KEY,
    jobseeker_id   BIGINT      NOT NULL REFERENCES jobseeker (id) ON DELETE CASCADE,
    -- the resident's community, for the community's worklist without a join; kept by a trigger
    community_id   BIGINT      NOT NULL REFERENCES community (id),
    round          SMALLINT    NOT NULL CHECK (round IN (1, 2)),
    -- when round 1 of this cycle was asked: the start of the wait the worklist shows
    first_asked_at TIMESTAMPTZ NOT NULL,
    asked_at       TIMESTAMPTZ NOT NULL,
    answered_at    TIMESTAMPTZ,
    answer         TEXT        CHECK (answer IN ('STILL_LOOKING', 'NOT_LOOKING')),
    answered_by    TEXT,
    closed_at      TIMESTAMPTZ,
    CHECK (first_asked_at <= asked_at),
    CHECK ((answered_at IS NULL) = (answer IS NULL)),
    CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
    CHECK (answered_at IS NULL OR closed_at IS NULL)
);
-- at most one open ask per resident
CREATE UNIQUE INDEX check_in_open_idx ON check_in (jobseeker_id)
    WHERE answered_at IS NULL AND closed_at IS NULL;
CREATE INDEX check_in_open_asked_idx ON check_in (round, asked_at)
    WHERE answered_at IS NULL AND closed_at IS NULL;
CREATE INDEX check_in_open_community_idx ON check_in (community_id, first_asked_at)
    WHERE answered_at IS NULL AND closed_at IS NULL;
CREATE INDEX check_in_jobseeker_idx ON check_in (jobseeker_id, id);

-- a resident who moves takes their open ask to the new community's worklist
CREATE FUNCTION check_in_follow_community() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE check_in SET community_id = NEW.community_id
     WHERE jobseeker_id = NEW.id AND answered_at IS NULL AND closed_at IS NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER jobseeker_check_in_community AFTER UPDATE OF community_id ON jobseeker FOR EACH ROW
    WHEN (OLD.community_id IS DISTINCT FROM NEW.community_id)
    EXECUTE FUNCTION check_in_follow_community();
