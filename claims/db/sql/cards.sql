-- The claim cards of `page(id)` (claims/public/listing.py): each claim's wording, speaker, day
-- said, kind of speech and the outlet reporting it, with its current verdict (the latest
-- approved review, as Review.objects.current_first() orders them) joined in, so that one
-- statement reads a page; the language of the source the words come from marks them on pages
-- in another language.
SELECT
    claim.id,
    claim.slug,
    claim.text,
    claim.status,
    statement.said_on,
    speaker.slug,
    speaker.name,
    statement.speech,
    source.publisher,
    source.language,
    review.rating_id,
    rating.label,
    review.summary
FROM page
JOIN claims_claim claim ON claim.id = page.id
JOIN claims_statement statement ON statement.id = claim.statement_id
JOIN claims_source source ON source.id = statement.source_id
LEFT JOIN claims_speaker speaker ON speaker.id = statement.speaker_id
LEFT JOIN claims_review review ON review.id = (
    SELECT current.id
    FROM claims_review current
    WHERE current.claim_id = claim.id AND current.status = 'approved'
    ORDER BY current.approved_at DESC, current.id DESC
    LIMIT 1
)
LEFT JOIN claims_rating rating ON rating.id = review.rating_id
