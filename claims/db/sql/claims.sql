-- The claims of `page(id)` as the API lists them, one row each, in no particular order. Each
-- column is named by its place in the JSON (claims.api.serializers.ClaimSerializer); `id` is
-- for the reads that follow. What the repeated claim is, is named only if it is public.
SELECT
    c.id AS "id",
    c.slug AS "slug",
    c.text AS "text",
    c.status AS "status",
    c.first_published_at AS "first_published_at",
    c.updated_at AS "updated_at",
    speaker.slug AS "speaker.slug",
    speaker.name AS "speaker.name",
    speaker.kind AS "speaker.kind",
    speaker.role AS "speaker.role",
    speaker.wikidata_id AS "speaker.wikidata_id",
    speaker.url AS "speaker.url",
    statement.quote AS "statement.quote",
    statement.prefix AS "statement.prefix",
    statement.suffix AS "statement.suffix",
    statement.start AS "statement.start",
    statement."end" AS "statement.end",
    statement.speech AS "statement.speech",
    statement.said_where AS "statement.said_where",
    statement.said_on AS "statement.said_on",
    reported.slug AS "statement.reported_speaker.slug",
    reported.name AS "statement.reported_speaker.name",
    reported.kind AS "statement.reported_speaker.kind",
    reported.role AS "statement.reported_speaker.role",
    source.id AS "source.id",
    source.url AS "source.url",
    source.title AS "source.title",
    source.publisher AS "source.publisher",
    source.author AS "source.author",
    source.language AS "source.language",
    source.kind AS "source.kind",
    source.published_at AS "source.published_at",
    c.context_note AS "context_note",
    repeated.slug AS "repeat_of.slug",
    repeated.text AS "repeat_of.text"
FROM claims_claim c
JOIN claims_statement statement ON statement.id = c.statement_id
JOIN claims_speaker speaker ON speaker.id = statement.speaker_id
LEFT JOIN claims_speaker reported ON reported.id = statement.reported_speaker_id
JOIN claims_source source ON source.id = statement.source_id
LEFT JOIN claims_claim repeated
    ON repeated.id = c.repeat_of_id AND repeated.status IN ('published', 'withdrawn')
WHERE c.id IN (SELECT id FROM page) AND c.status IN ('published', 'withdrawn')
