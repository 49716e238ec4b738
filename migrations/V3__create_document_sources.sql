-- What the search index and matching read of postings and jobseekers: one source of rows each,
-- read by name (hongniang.documents.DocumentSource). The index's documents and matching's records
-- come from the same rows, so a column renamed in a table changes here, in SQL, where PostgreSQL
-- checks it, and DocumentSourceIT fails when a column the reader asks for is missing.

-- A posting, its unit's name, and the last day of the unit's active agreement signed by `today`
-- (null when it has none). A function, not a view, because that day is the service's (its clock
-- and time zone), not the database's. It is inlined into the query that reads it: a read of one
-- posting by id uses the primary key, and a read that asks for no unit name skips the join.
CREATE FUNCTION posting_document(today DATE)
    RETURNS TABLE (
        id                  BIGINT,
        partner_unit_id     BIGINT,
        unit_name           TEXT,
        title               TEXT,
        description         TEXT,
        occupation          TEXT,
        skills              TEXT[],
        headcount           INTEGER,
        filled_count        INTEGER,
        wage_min            INTEGER,
        wage_max            INTEGER,
        wage_note           TEXT,
        schedule            TEXT,
        work_community_id   BIGINT,
        city                TEXT,
        min_age             INTEGER,
        max_age             INTEGER,
        min_education       TEXT,
        required_licences   TEXT[],
        public_welfare      BOOLEAN,
        accommodation       BOOLEAN,
        disability_friendly BOOLEAN,
        valid_through       DATE,
        status              TEXT,
        created_at          TIMESTAMPTZ,
        agreement_until     DATE)
    LANGUAGE sql STABLE
AS $$
SELECT p.id, p.partner_unit_id, u.name, p.title, p.description, p.occupation, p.skills,
       p.headcount, p.filled_count, p.wage_min, p.wage_max, p.wage_note, p.schedule,
       p.work_community_id, p.city, p.min_age, p.max_age, p.min_education, p.required_licences,
       p.public_welfare, p.accommodation, p.disability_friendly, p.valid_through, p.status,
       p.created_at,
       (SELECT max(a.valid_until)
          FROM agreement a
         WHERE a.partner_unit_id = p.partner_unit_id
           AND a.status = 'ACTIVE'
           AND a.signed_on <= today)
  FROM posting p
  LEFT JOIN partner_unit u ON u.id = p.partner_unit_id
$$;

-- A resident's profile as search and matching see it: no ID number, no phone, no notes on
-- hardship or disability. What is not here cannot reach the index.
CREATE VIEW jobseeker_document AS
SELECT id, name, gender, birth_year, community_id, education, skills, experience,
       desired_occupations, min_wage, acceptable_schedules, willing_outside, licences,
       difficulty_categories, unemployed_since, status, updated_at
  FROM jobseeker;
