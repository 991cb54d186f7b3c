-- One claim by its slug, as its page shows it (claims/public/detail.py): its wording, status and
-- context note, the statement with its speakers and source (the source's text too: the page
-- shows the quote in its paragraph), the claim it repeats, named only if public, and how many
-- public claims repeat it (counted by a subquery, not grouped: grouping the join by every
-- column took PostgreSQL longer to plan than to run), and the statement's kind of speech (the page
-- says whether the words are the speaker's) and the source's language (the words are in it). Only a public claim, unless %(drafts)s (a staff
-- preview). The statuses are PUBLIC_STATUSES (claims/enums.py).
SELECT
    claim.id,
    claim.slug,
    claim.text,
    claim.status,
    claim.context_note,
    statement.start,
    statement."end",
    statement.said_where,
    statement.said_on,
    speaker.slug,
    speaker.name,
    speaker.kind,
    speaker.role,
    speaker.url,
    reported.name,
    source.id,
    source.url,
    source.title,
    source.publisher,
    source.published_at,
    source.text,
    repeated.slug,
    (
        SELECT count(*)
        FROM claims_claim later
        WHERE later.repeat_of_id = claim.id AND later.status IN ('published', 'withdrawn')
    ),
    statement.speech,
    source.language
FROM claims_claim claim
JOIN claims_statement statement ON statement.id = claim.statement_id
JOIN claims_speaker speaker ON speaker.id = statement.speaker_id
LEFT JOIN claims_speaker reported ON reported.id = statement.reported_speaker_id
JOIN claims_source source ON source.id = statement.source_id
LEFT JOIN claims_claim repeated
    ON repeated.id = claim.repeat_of_id AND repeated.status IN ('published', 'withdrawn')
WHERE claim.slug = %(slug)s AND (%(drafts)s OR claim.status IN ('published', 'withdrawn'))
