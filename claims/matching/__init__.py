"""Matching claims by meaning: one shared vector index of every claim's embedding.

- `encoder`: the sentence encoder (multilingual, numpy only), loaded once per process.
- `models.ClaimEmbedding`: each claim's vector, with the model and the wording it was made from,
  so a changed model or a reworded claim is embedded again.
- `index`: the on-disk HNSW index (usearch) that every process opens memory-mapped, and the
  exact scan over stored vectors that covers what the index does not hold yet.
- `tasks`: the jobs that embed claims and refresh the index; `apps` connects them to saves.
- `collections`: what the same code keeps apart: the claims, and the external fact-checks
  (`claims.external`), each with its vectors table and its own index file.

Why one index on disk rather than one per process: docs/adr/0015-shared-vector-index.md.
"""
