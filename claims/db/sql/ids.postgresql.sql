-- The claims whose ids are given, as `page(id)` for the read that follows: %(ids)s is a JSON
-- array of integers, so one statement serves any number of ids.
WITH page(id) AS (SELECT value::bigint FROM json_array_elements_text(%(ids)s::json))
