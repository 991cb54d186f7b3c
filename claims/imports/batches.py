"""A batch of articles uploaded as one file: a JSONL file (one article object a line, as
`import_source` reads it) or a zip of article files (text, HTML, JSON, JSONL, in folders or not).

`check_batch` looks the file over before anything is stored, so that a file that is no batch
is refused whole with a one-line reason; `unpack_batch` lays it out in a folder where the
import's readers (`claims.imports.importing`) read each article as they read any other file.
Plain Python: limits are passed in.

A zip is held to `max_members` entries and `max_bytes` unpacked (counted as read, not as the
zip declares), and names that would land outside the folder (absolute, with `..`) are
refused, so a crafted zip can neither fill the disk nor write elsewhere.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .articles import ArticleError, decode_text
from .importing import HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, NOT_ARTICLES, TEXT_SUFFIXES

ZIP_SUFFIXES = (".zip",)
BATCH_SUFFIXES = (*JSONL_SUFFIXES, *ZIP_SUFFIXES)
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSON_SUFFIXES, *JSONL_SUFFIXES)


@dataclass(frozen=True)
class Batch:
    name: str
    form: str  # "jsonl" or "zip"
    articles: int  # lines of a JSONL file, article files of a zip


def batch_form(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lowered.endswith(ZIP_SUFFIXES):
        return "zip"
    raise ArticleError(f"{name}: upload a .jsonl file or a .zip of articles")


def check_batch(data: bytes, *, name: str, max_bytes: int, max_members: int) -> Batch:
    """The batch the file holds, or an ArticleError saying why it is none."""
    form = batch_form(name)
    if len(data) > max_bytes:
        raise ArticleError(f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} bytes")
    if form == "jsonl":
        return Batch(name, form, _check_jsonl(data, name))
    return Batch(name, form, len(_zip_articles(data, name, max_bytes, max_members)))


def unpack_batch(
    data: bytes, *, name: str, into: Path, max_bytes: int, max_members: int
) -> list[Path]:
    """The batch's files written under `into` (which must exist), for the readers."""
    form = batch_form(name)
    if form == "jsonl":
        path = into / PurePosixPath(name).name
        path.write_bytes(data)
        return [path]
    written = []
    for relative, content in _zip_articles(data, name, max_bytes, max_members):
        path = into.joinpath(*relative.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def _check_jsonl(data: bytes, name: str) -> int:
    text = decode_text(data, name=name)
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            raise ArticleError(f"{name}:{number}: not a JSON object (malformed JSON)") from None
        if not isinstance(record, dict):
            raise ArticleError(f"{name}:{number}: each line must be an article object")
        count += 1
    if not count:
        raise ArticleError(f"{name}: the file holds no articles")
    return count


def _zip_articles(
    data: bytes, name: str, max_bytes: int, max_members: int
) -> list[tuple[PurePosixPath, bytes]]:
    """(relative path, content) of each article file in the zip, read within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArticleError(f"{name}: not a zip file, or a damaged one") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > max_members:
            raise ArticleError(
                f"{name}: {len(members):,} files is over the limit of {max_members:,} a batch"
            )
        found, unpacked = [], 0
        for info in members:
            path = PurePosixPath(info.filename.replace("\\", "/"))
            if path.is_absolute() or ".." in path.parts or not path.parts:
                raise ArticleError(f"{name}: {info.filename} would unpack outside the batch")
            lowered = path.name.lower()
            hidden = any(part.startswith(".") or part == "__MACOSX" for part in path.parts)
            if hidden or lowered.endswith(NOT_ARTICLES) or not lowered.endswith(ARTICLE_SUFFIXES):
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(max_bytes - unpacked + 1)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError):
                raise ArticleError(f"{name}: {info.filename} cannot be unpacked") from None
            unpacked += len(content)
            if unpacked > max_bytes:
                raise ArticleError(
                    f"{name}: the articles unpack to over the limit of {max_bytes:,} bytes"
                )
            found.append((path, content))
    if not found:
        raise ArticleError(f"{name}: no .txt, .html, .json or .jsonl files in the zip")
    return found
