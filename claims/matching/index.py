"""The shared vector index: an HNSW graph of every claim's vector (usearch) in one file, which
every web and worker process opens memory-mapped, so the operating system's page cache holds
one copy for all of them, and a background job rewrites it. Another collection (the external
fact-checks, `collections`) has a file of its own, kept and searched by the same code.

The file and its manifest
    `<path>` is the index (cosine metric, bfloat16, keys = claim ids); `<path>.json`, the
    manifest, names the model that made its vectors, how many it holds and the newest
    `updated_at` among them. The writer replaces the index first and the manifest after it, each
    by writing a temporary file in the same folder and renaming it over the old one, so a reader
    never sees half a file. A reader reads the manifest first and opens the index after it, so the
    index it opens is never older than the manifest says (at worst newer, which costs nothing).

What a search covers (the rule)
    - With a usable index (its manifest names the current model): the index, plus an exact scan
      of the stored vectors written after the index's newest one (less an overlap, for rows
      committed late). A claim in that scan is scored by its new vector only, and a claim
      whose embedding is gone (deleted) is dropped. So a claim embedded a moment ago is
      matchable at once, before the index is refreshed.
    - Without one (no file, no manifest, a file that cannot be read, or another model's): an
      exact scan of every stored vector of the current model. Fine for a small desk; a big one
      runs `refresh_index` (`manage.py embed_claims --all`) so that it has an index.
    A process looks at the file and re-reads the newer vectors at most every
    FACTCHECK_MATCHING_RECHECK seconds, and reopens the file when its inode, size or mtime
    changed.
"""

from __future__ import annotations

import datetime
import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from django.db.models import Count, Max
from django.utils.dateparse import parse_datetime

# usearch's OpenMP threads otherwise keep spinning after a search, taking the cores from the
# encoder of the next query: set before usearch starts them, unless the environment says else.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
from usearch.index import Index

from . import conf, encoder, pgvector
from .collections import CLAIMS, Collection, named
from .embeddings import current, stored_vectors

logger = logging.getLogger(__name__)

METRIC = "cos"
# bfloat16 in the index: as small as float16, and usearch has native kernels for it on current
# x86 processors, where it built the graph faster than float16 (bench/bench_vectors.py); the
# rounding it adds to a cosine is far below what tells two claims apart. The table keeps float16.
DTYPE = "bf16"
# How many candidates a search follows through the graph (usearch's expansion_search). Its
# default found a slightly reworded vector first too rarely at the target's size; a file does
# not keep it, so every opened index is given it (`open_index`).
SEARCH_BREADTH = 256
# A row written just before a build may be committed after the build read the table (its
# transaction began earlier): the rows this much older than the newest one are taken in again.
OVERLAP = datetime.timedelta(seconds=60)


@dataclass(frozen=True)
class Manifest:
    model: str
    count: int
    newest: datetime.datetime | None

    @property
    def since(self) -> datetime.datetime | None:
        """Vectors written after this may be missing from the index."""
        return self.newest - OVERLAP if self.newest else None

    def json(self) -> str:
        newest = self.newest.isoformat() if self.newest else None
        return json.dumps({"model": self.model, "count": self.count, "newest": newest})


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def read_manifest(path: Path) -> Manifest | None:
    try:
        data = json.loads(manifest_path(path).read_text(encoding="utf-8"))
        newest = parse_datetime(data["newest"]) if data["newest"] else None
        return Manifest(model=str(data["model"]), count=int(data["count"]), newest=newest)
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- Writing ------------------------------------------------------------------------------------


def new_index() -> Index:
    return Index(
        ndim=encoder.DIMENSIONS, metric=METRIC, dtype=DTYPE, expansion_search=SEARCH_BREADTH
    )


def open_index(path: Path, *, view: bool) -> Index | None:
    """The index saved in `path`, memory-mapped (`view`) or read into memory; None when there is
    no file. Raises OSError, ValueError or RuntimeError for a file that cannot be read."""
    index = Index.restore(str(path), view=view)
    if index is not None:
        index.expansion_search = SEARCH_BREADTH
    return index


def replace_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write `path` through a temporary file beside it, renamed over it once complete."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """One writer at a time on this machine: two refreshes replacing the index and the manifest
    in turns could leave one's manifest beside the other's index."""
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def refresh(*, rebuild: bool = False, collection: Collection | str = CLAIMS) -> dict[str, object]:
    """Bring the collection's index file (the claims' by default) up to date with the stored
    vectors: nothing when it already is, the changed and deleted items edited in when few
    changed, else a rebuild from scratch (also when the file is missing, unreadable or made by
    another model)."""
    collection = named(collection)
    if pgvector.active():  # the database's own index is always current
        return {"action": "pgvector", "vectors": pgvector.counted(collection)}
    path = collection.index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path):
        model = conf.model_version()
        rows = current(collection)
        state = rows.aggregate(count=Count("pk"), newest=Max("updated_at"))
        manifest = read_manifest(path)
        usable = not rebuild and manifest is not None and manifest.model == model
        current_state = (manifest.count, manifest.newest) if usable else None
        if current_state == (state["count"], state["newest"]) and _readable(path, state["count"]):
            return {"action": "none", "vectors": manifest.count}
        index = _edited(path, manifest, state["count"], collection) if usable else None
        action = "extended"
        if index is None:
            action = "rebuilt"
            index = new_index()
            for ids, vectors in stored_vectors(rows):
                index.add(ids, vectors)
        replace_file(path, lambda temporary: index.save(str(temporary)))
        done = Manifest(model=model, count=len(index), newest=state["newest"])
        replace_file(manifest_path(path), lambda temporary: temporary.write_text(done.json()))
        return {"action": action, "vectors": len(index)}


def _edited(path: Path, manifest: Manifest, count: int, collection: Collection) -> Index | None:
    """The index in `path` with the vectors written since `manifest` put in and deleted items
    taken out; None when a rebuild is due (too many changed, or the file cannot be read)."""
    try:
        index = open_index(path, view=False)
    except (OSError, ValueError, RuntimeError):
        index = None
    if index is None:
        return None
    changed = current(collection)
    if manifest.newest is not None:
        new = changed.filter(updated_at__gt=manifest.newest).count()
        if new > conf.rebuild_share() * max(len(index), 1):
            return None
        changed = changed.filter(updated_at__gt=manifest.since)
    for ids, vectors in stored_vectors(changed):
        index.remove(ids[index.contains(ids)])
        index.add(ids, vectors)
    if len(index) != count:
        keys = np.asarray(index.keys, dtype=np.uint64)
        alive = np.fromiter(current(collection).values_list("pk", flat=True), dtype=np.uint64)
        index.remove(np.setdiff1d(keys, alive))
    return index


def _readable(path: Path, count: int) -> bool:
    try:
        index = open_index(path, view=True)
    except (OSError, ValueError, RuntimeError):
        return False
    return index is not None and len(index) == count


# --- Reading ------------------------------------------------------------------------------------


@dataclass
class _View:
    path: Path | None = None
    identity: tuple[int, int, int] | None = None
    manifest: Manifest | None = None
    index: Index | None = None
    recent_key: tuple | None = None
    recent_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    recent: np.ndarray = field(
        default_factory=lambda: np.zeros((0, encoder.DIMENSIONS), dtype=np.float32)
    )
    checked: float = float("-inf")


class SharedIndex:
    """A process's handle on a collection's index file (one per process and collection:
    `shared` for the claims)."""

    def __init__(self, collection: Collection | str = CLAIMS) -> None:
        self.collection = named(collection)
        self._lock = threading.Lock()
        self._view = _View()

    def search(
        self, query: str | np.ndarray, k: int = 10, *, exclude: Iterable[int] = ()
    ) -> list[tuple[int, float]]:
        """The `k` items (claims) nearest to a text or a vector, best first, as (id, cosine)."""
        return self.search_many([query], k, exclude=exclude)[0]

    def search_many(
        self,
        queries: Sequence[str] | np.ndarray,
        k: int = 10,
        *,
        exclude: Iterable[int] = (),
    ) -> list[list[tuple[int, float]]]:
        """`search` for several texts (encoded in one batch) or vectors at once."""
        if len(queries) and isinstance(queries[0], str):
            vectors = encoder.encode(list(queries))
        else:
            vectors = encoder.normalised(np.atleast_2d(np.asarray(queries, dtype=np.float32)))
        skip = set(exclude)
        if pgvector.active():
            return pgvector.search_many(self.collection, vectors, k, skip)
        view = self.fresh()
        found: list[dict[int, float]] = [{} for _ in range(len(vectors))]
        if view.index is not None and len(view.index) and len(vectors):
            rescored = set(view.recent_ids.tolist())
            count = min(len(view.index), k + len(skip) + len(rescored))
            for hits, (keys, distances) in zip(
                found, _matches(view.index, vectors, count), strict=True
            ):
                for key, distance in zip(keys.tolist(), distances.tolist(), strict=True):
                    if key not in skip and key not in rescored:
                        hits[key] = 1.0 - distance
        if len(view.recent_ids) and len(vectors):
            scores = vectors @ view.recent.T
            top = min(scores.shape[1], k + len(skip))
            for hits, row in zip(found, scores, strict=True):
                for column in np.argpartition(-row, top - 1)[:top]:
                    key = int(view.recent_ids[column])
                    if key not in skip:
                        hits[key] = float(row[column])
        alive = set(
            current(self.collection)
            .filter(pk__in={key for hits in found for key in hits})
            .values_list("pk", flat=True)
        )
        return [
            sorted(
                ((key, score) for key, score in hits.items() if key in alive),
                key=lambda hit: -hit[1],
            )[:k]
            for hits in found
        ]

    def fresh(self) -> _View:
        """The open index and the vectors newer than it, looked at again when due."""
        with self._lock:
            path = self.collection.index_path()
            view = self._view
            if path != view.path or time.monotonic() - view.checked >= conf.recheck_seconds():
                view = self._reopened(path)
                self._load_recent(view)
                view.checked = time.monotonic()
                self._view = view
            return view

    def forget(self) -> None:
        """Close the index; the next search looks at the file again."""
        with self._lock:
            self._view = _View()

    def _reopened(self, path: Path) -> _View:
        old = self._view
        manifest = read_manifest(path)  # before the index: see the module's docstring
        try:
            stat = os.stat(path)
            identity = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        except FileNotFoundError:
            identity = None
        if (path, identity, manifest) == (old.path, old.identity, old.manifest):
            # A copy: searches in other threads keep reading the old one meanwhile.
            return replace(old)
        view = _View(path=path, identity=identity, manifest=manifest)
        if identity is None or manifest is None or manifest.model != conf.model_version():
            return view
        try:
            view.index = open_index(path, view=True)
        except (OSError, ValueError, RuntimeError) as error:
            logger.warning(
                "The matching index %s cannot be read (%s): scanning instead.", path, error
            )
        return view

    def _load_recent(self, view: _View) -> None:
        """The stored vectors the index lacks: those written since it was built, or all."""
        rows = current(self.collection)
        if view.index is not None and view.manifest.since is not None:
            rows = rows.filter(updated_at__gt=view.manifest.since)
        counted = rows.aggregate(count=Count("pk"), newest=Max("updated_at"))
        key = (view.index is not None, view.manifest, counted["count"], counted["newest"])
        old = self._view
        if key == old.recent_key:
            view.recent_key, view.recent_ids, view.recent = key, old.recent_ids, old.recent
            return
        chunks = list(stored_vectors(rows))
        view.recent_key = key
        view.recent_ids = np.concatenate([ids for ids, _ in chunks] or [_View().recent_ids])
        view.recent = np.vstack([vectors for _, vectors in chunks] or [_View().recent])


def _matches(
    index: Index, vectors: np.ndarray, count: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(keys, cosine distances) for each query, whether usearch answered one or many."""
    matches = index.search(vectors, count)
    if len(vectors) == 1 and not hasattr(matches, "counts"):
        yield np.asarray(matches.keys), np.asarray(matches.distances)
        return
    for row in range(len(vectors)):
        found = int(matches.counts[row])
        yield matches.keys[row][:found], matches.distances[row][:found]


shared = SharedIndex()


def search(
    query: str | np.ndarray, k: int = 10, *, exclude: Iterable[int] = ()
) -> list[tuple[int, float]]:
    """The `k` claims nearest in meaning to a text or a vector, best first (`SharedIndex`)."""
    return shared.search(query, k, exclude=exclude)
