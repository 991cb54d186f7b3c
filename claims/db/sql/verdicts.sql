-- The approved reviews of the claims of `page(id)`, each claim's current verdict first (as
-- Review.objects.current_first() orders them). Columns as in VerdictSerializer.
SELECT
    review.claim_id AS "claim_id",
    rating.slug AS "rating.slug",
    rating.label AS "rating.label",
    rating.value AS "rating.value",
    rating.is_verdict AS "rating.is_verdict",
    rating.colour AS "rating.colour",
    scale.slug AS "rating.scale",
    review.summary AS "summary",
    review.analysis AS "analysis",
    review.approved_at AS "approved_at",
    NULLIF(review.correction_kind, '') AS "correction_kind",
    CASE WHEN review.correction_kind <> '' THEN review.public_note END AS "correction_note"
FROM claims_review review
LEFT JOIN claims_rating rating ON rating.id = review.rating_id
LEFT JOIN claims_ratingscale scale ON scale.id = rating.scale_id
WHERE review.claim_id IN (SELECT id FROM page) AND review.status = 'approved'
ORDER BY review.approved_at DESC, review.id DESC
