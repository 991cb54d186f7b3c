-- The page of public claims after a position, newest publication first, as `page(id)` for the
-- read that follows (claims.sql). %(key)s and %(id)s are the position (for the first page, one
-- after every claim); {limit}, the page's size, is written in (claims/db/sql.py). The statuses
-- are PUBLIC_STATUSES (claims/enums.py); the index claim_public_order serves the order.
WITH page(id) AS (
    SELECT id
    FROM claims_claim
    WHERE status IN ('published', 'withdrawn')
        AND first_published_at <= %(key)s
        AND (first_published_at < %(key)s OR id < %(id)s)
    ORDER BY first_published_at DESC, id DESC
    LIMIT {limit}
)
