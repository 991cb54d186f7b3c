-- The evidence readers see with the claims of `page(id)` (Evidence.objects.cited(): all but
-- what came with a correction not yet approved), by relation. Columns as in EvidenceSerializer.
SELECT
    evidence.claim_id AS "claim_id",
    evidence.relation AS "relation",
    source.id AS "source.id",
    source.url AS "source.url",
    source.title AS "source.title",
    source.publisher AS "source.publisher",
    source.author AS "source.author",
    source.language AS "source.language",
    source.kind AS "source.kind",
    source.published_at AS "source.published_at",
    evidence.excerpt AS "excerpt",
    evidence.note AS "note",
    evidence.archive_url AS "archive_url",
    evidence.archive_hash AS "archive_hash"
FROM claims_evidence evidence
JOIN claims_source source ON source.id = evidence.source_id
LEFT JOIN claims_review correction ON correction.id = evidence.correction_id
WHERE evidence.claim_id IN (SELECT id FROM page)
    AND (evidence.correction_id IS NULL OR correction.status = 'approved')
ORDER BY evidence.relation, evidence.id
