"""Reading an article file as text, with a clear refusal for anything that is not one.

Shared by the commands that take files (`suggest_claims`, `import_source`) and the admin's
import. Plain Python: the size limit is passed in by the caller.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .text import normalize_text

# A declared character set in the first bytes of an HTML document: <meta charset="...">, or
# the older <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class ArticleError(ValueError):
    """The input is not a readable article; the message says why, in one line."""


def check_size(size: int, *, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise ArticleError(f"{name}: {size:,} bytes is over the limit of {max_bytes:,} bytes")


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, refusing a missing path, a folder, or a file over the limit."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file")
    # Checked before reading, so an oversized file is never loaded into memory.
    check_size(path.stat().st_size, max_bytes=max_bytes, name=str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot be read ({error.strerror or error})") from None


def read_article(path: Path, *, max_bytes: int) -> str:
    """The file's text, normalised as the desk stores it (newlines unified, Unicode NFC)."""
    return decode_article(read_bytes(path, max_bytes=max_bytes), name=str(path))


def decode_article(data: bytes, *, name: str) -> str:
    text = decode_text(data, name=name)
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    return normalize_text(text)


def decode_text(data: bytes, *, name: str) -> str:
    """UTF-8 text as received (a byte-order mark dropped, nothing else changed)."""
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name}: not UTF-8 text (byte {error.start} cannot be decoded)"
        ) from None


def decode_html(data: bytes, *, name: str, declared: str | None = None) -> str:
    """An HTML document's text, in the character set it says it uses.

    Order of trust: a byte-order mark, the charset the server declared, a <meta> charset, then
    UTF-8. Guessing beyond that would store mojibake as if it were the article, so an HTML file
    in another encoding that declares none is refused.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith(_UTF16_BOMS):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data:
            raise ArticleError(f"{name}: looks like a binary file, not HTML")
        meta = _META_CHARSET.search(data[:4096])
        candidates = [
            *([declared] if declared else []),
            *([meta.group(1).decode("ascii")] if meta else []),
            "utf-8",
        ]
    for charset in candidates:
        try:
            codec = codecs.lookup(charset)
        except LookupError:
            continue  # an unknown name in a header or tag: try the next
        try:
            return data.decode(codec.name)
        except UnicodeDecodeError as error:
            raise ArticleError(
                f"{name}: not valid {charset} text (byte {error.start} cannot be decoded)"
            ) from None
    raise ArticleError(f"{name}: unknown character set")  # pragma: no cover (utf-8 is last)
