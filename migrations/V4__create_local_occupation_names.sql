-- Job names the street office adds to the shipped vocabulary (search-index/occupations.tsv): an
-- alias of a listed occupation (its code), or a local occupation of its own (a LOCAL: code in one
-- of the listed groups). Read into memory at start and after each change; a change re-indexes the
-- postings and residents whose names it reads differently.

CREATE TABLE local_occupation_name (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    -- the name folded as the vocabulary looks names up (NFKC, lower case, no spaces): one row a key
    name_key    TEXT        NOT NULL UNIQUE,
    code        TEXT        NOT NULL,
    group_id    TEXT        NOT NULL,
    note        TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
