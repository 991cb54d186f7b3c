"""The read-only JSON API under /api/v1/: published data only (see docs/api.md).

`params` validates query parameters exactly as the OpenAPI schema describes them, `filters`
narrows the published claims with them, `pagination` walks the results by position,
`serializers` declares every answer's shape, `reads` fills the claims list's from rows, and
`views` adds the HTTP around it.
"""
