"""Reading an article file as text, with a clear refusal for anything that is not one.

Shared by the commands that take files (`suggest_claims`, and imports). Plain Python: the size
limit is passed in by the caller.
"""

from __future__ import annotations

from pathlib import Path

from .text import normalize_text


class ArticleError(ValueError):
    """The input is not a readable article; the message says why, in one line."""


def read_article(path: Path, *, max_bytes: int) -> str:
    """The file's text, normalised as the desk stores it (newlines unified, Unicode NFC)."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} bytes")
    data = path.read_bytes()
    return decode_article(data, name=str(path))


def decode_article(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name}: not UTF-8 text (byte {error.start} cannot be decoded)"
        ) from None
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    return normalize_text(text)
