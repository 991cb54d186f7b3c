-- The public record of the claims of `page(id)` as the claim page lists it, oldest first, each
-- entry with its id (the page's anchor for it, which the corrections feed links to).
SELECT claim_id, id, kind, correction_kind, note, published_at
FROM claims_publicationentry
WHERE claim_id IN (SELECT id FROM page)
ORDER BY published_at, id
