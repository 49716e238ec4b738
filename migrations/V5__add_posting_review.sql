-- Fair-posting screening (招聘信息合规, docs/screening.md): a posting whose text has a blocking finding
-- is held in REVIEW instead of opening, and an admin's approval of that text lets it open anyway.
-- REVIEW is not OPEN, so the index (OPEN only), matching and residents' lists leave it out as they
-- leave out drafts; the outbox triggers of V2 see the status change like any other.

ALTER TABLE posting DROP CONSTRAINT posting_status_check;
ALTER TABLE posting ADD CONSTRAINT posting_status_check
    CHECK (status IN ('DRAFT', 'REVIEW', 'OPEN', 'PAUSED', 'FILLED', 'CLOSED'));

-- Every approval, kept: who approved which text of which posting, when and why. An approval covers
-- the text whose hash it names (title, description and skills); a later edit of the text needs a new
-- one. The findings approved are kept as "category:rule:text" for the record.
CREATE TABLE posting_approval (
    id          BIGSERIAL PRIMARY KEY,
    posting_id  BIGINT      NOT NULL REFERENCES posting (id),
    reason      TEXT        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    approved_by TEXT        NOT NULL,
    text_hash   TEXT        NOT NULL,
    findings    TEXT[]      NOT NULL DEFAULT '{}',
    approved_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX posting_approval_posting_idx ON posting_approval (posting_id, id);
