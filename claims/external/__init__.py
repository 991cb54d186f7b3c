"""Other fact-checkers' verdicts, imported from their ClaimReview markup and matchable by meaning.

- `models`: `ExternalFactCheck` (structured fields and links only, never article text) and
  `ExternalCheckEmbedding` (its claim's vector, in the matching app's `external` collection).
- `claimreview`: one ClaimReview (JSON-LD) read into a `Record` (no Django); `ratings`: the
  published rating put on the desk's scale where it can be (no Django).
- `store`: the batched, idempotent upsert every importer ends in.
- `datafeed`, `pages`, `google`: the importers, one per source.
- `tasks`: the jobs (an import, the scheduled DataFeeds); `matching.similar_checks`: the nearest
  external checks to some texts.

How to use it: docs/external-fact-checks.md.
"""
