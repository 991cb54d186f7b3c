-- The public record of the claims of `page(id)`, oldest first. Columns as in
-- RecordEntrySerializer.
SELECT
    claim_id AS "claim_id",
    kind AS "kind",
    NULLIF(correction_kind, '') AS "correction_kind",
    note AS "note",
    published_at AS "published_at"
FROM claims_publicationentry
WHERE claim_id IN (SELECT id FROM page)
ORDER BY published_at, id
