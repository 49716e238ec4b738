-- The search index is a cache of PostgreSQL. Every change to what is searchable writes an outbox
-- row in the same transaction; one indexer applies the rows in order and marks them done.
-- Triggers (not application code) write the rows, so no path can forget: the API, imports, the
-- demo generator's COPY, a hand-run UPDATE. Statement-level triggers with transition tables
-- keep bulk loads fast: one INSERT ... SELECT per statement instead of one per row.

CREATE TABLE search_outbox (
    id         BIGSERIAL PRIMARY KEY,
    entity     TEXT        NOT NULL CHECK (entity IN ('posting', 'jobseeker', 'partner_unit')),
    entity_id  BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    done_at    TIMESTAMPTZ
);
CREATE INDEX search_outbox_pending_idx ON search_outbox (id) WHERE done_at IS NULL;
CREATE INDEX search_outbox_created_idx ON search_outbox (created_at);

CREATE FUNCTION search_outbox_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (entity, entity_id)
    SELECT DISTINCT TG_ARGV[0], id FROM changed_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION search_outbox_by_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (entity, entity_id)
    SELECT DISTINCT TG_ARGV[0], partner_unit_id FROM changed_rows;
    RETURN NULL;
END $$;

-- Agreements change whether a unit's postings are searchable; partner-unit rows carry the name
-- shown in hits. Both enqueue the unit, which the indexer expands to its postings.
CREATE FUNCTION search_outbox_install(tbl TEXT, entity TEXT, fn TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%L)',
                   tbl || '_outbox_ins', tbl, fn, entity);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%L)',
                   tbl || '_outbox_upd', tbl, fn, entity);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%L)',
                   tbl || '_outbox_del', tbl, fn, entity);
END $$;

SELECT search_outbox_install('posting', 'posting', 'search_outbox_by_id');
SELECT search_outbox_install('jobseeker', 'jobseeker', 'search_outbox_by_id');
SELECT search_outbox_install('agreement', 'partner_unit', 'search_outbox_by_unit');
SELECT search_outbox_install('partner_unit', 'partner_unit', 'search_outbox_by_id');

DROP FUNCTION search_outbox_install(TEXT, TEXT, TEXT);
