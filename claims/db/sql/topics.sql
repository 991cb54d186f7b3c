-- The topics of the claims of `page(id)`, by name. Columns as in TopicSerializer.
SELECT claim_topic.claim_id AS "claim_id", topic.slug AS "slug", topic.name AS "name"
FROM claims_claim_topics claim_topic
JOIN claims_topic topic ON topic.id = claim_topic.topic_id
WHERE claim_topic.claim_id IN (SELECT id FROM page)
ORDER BY topic.name, topic.id
