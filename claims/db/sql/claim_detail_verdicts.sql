-- The approved verdicts of the claims of `page(id)` as the claim page shows them, each claim's
-- current one first (as Review.objects.current_first() orders them): the rating (its id names
-- its badge's colour class), the summary and analysis, and the worst and best values of the
-- rating's scale for ClaimReview (as public.structured_data.rating_bounds_by_scale counts them).
SELECT
    review.claim_id,
    review.rating_id,
    rating.label,
    rating.value,
    rating.scale_id,
    review.summary,
    review.analysis,
    review.approved_at,
    bounds.worst,
    bounds.best
FROM claims_review review
LEFT JOIN claims_rating rating ON rating.id = review.rating_id
LEFT JOIN (
    SELECT scale_id, MIN(value) AS worst, MAX(value) AS best
    FROM claims_rating
    WHERE is_verdict
    GROUP BY scale_id
) bounds ON bounds.scale_id = rating.scale_id
WHERE review.claim_id IN (SELECT id FROM page) AND review.status = 'approved'
ORDER BY review.approved_at DESC, review.id DESC
