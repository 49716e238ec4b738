-- The worklist's residents section (WorklistQueries.residents) for a community of some 100,000
-- seeking residents: without these it read every one of them from the table, its 10 best and its
-- total in one pass (1.1 s median, 2.5 s p99 for the largest community of the benchmark's 1,000,000;
-- docs/benchmarks.md). Both are partial on the seeking residents and split by whether a resident has
-- a difficulty category, so that the total is counted from the indexes alone (an index-only scan
-- cannot read cardinality(difficulty_categories) from an index on that expression, but it can rely
-- on a partial index's predicate), and the first residents are found in a few small ranges.

-- Those with a category: per community, by how many, out of work longest first. The total counts
-- them all; the best residents of each number of categories are found in order.
CREATE INDEX jobseeker_worklist_categories_idx ON jobseeker
    (community_id, cardinality(difficulty_categories), unemployed_since)
    WHERE status IN ('SEEKING', 'REFERRED') AND cardinality(difficulty_categories) > 0;

-- Those without: the total counts those a year out of work or without contact, and the best are
-- found in order, from the index alone.
CREATE INDEX jobseeker_worklist_plain_idx ON jobseeker (community_id, unemployed_since)
    INCLUDE (id, updated_at, contacted_at)
    WHERE status IN ('SEEKING', 'REFERRED') AND cardinality(difficulty_categories) = 0;
