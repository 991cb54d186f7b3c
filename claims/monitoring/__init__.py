"""Watching outlets: their RSS and Atom feeds, polled politely by the workers, every new item's
article imported once and announced to the desk (`claims.arrival`).

- `models`: `Feed` (an outlet's feed and its polling state), `FeedItem` (each item seen, and
  the source it became), `HostSlot` (when a host may next be asked, shared by all workers).
- `feeds`: reading RSS 2.0 and Atom safely (plain Python).
- `polling`: which feeds are due, the per-host pace, the schedule after a poll.
- `tasks`: the jobs (`poll_due_feeds`, `poll_feed`, `import_feed_item`).

See docs/background-work.md, "Monitoring outlets".
"""
