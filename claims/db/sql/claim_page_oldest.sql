-- The page of public claims after a position, oldest publication first, as `page(id)` for the
-- read that follows: claim_page_newest.sql in the other direction.
WITH page(id) AS (
    SELECT id
    FROM claims_claim
    WHERE status IN ('published', 'withdrawn')
        AND first_published_at >= %(key)s
        AND (first_published_at > %(key)s OR id > %(id)s)
    ORDER BY first_published_at, id
    LIMIT {limit}
)
