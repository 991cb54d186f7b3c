"""Reading an article file as text, with a clear refusal for anything that is not one.

Shared by the commands that take files (`suggest_claims`, `import_source`) and the admin's
import. Plain Python: the size limit is passed in by the caller.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..text import normalize_text

# A declared character set in the first bytes of an HTML document: <meta charset="...">, or
# the older <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Printable ASCII, and sequences that escape codecs, UTF-7 and IDNA read as something else (the
# backslash only in escapes that are valid, so that unicode_escape does not warn).
_ASCII_PROBE = bytes(range(0x20, 0x7F)).replace(b"\\", b"") + b" \\n \\u0041 +AEE- .xn--ls8h"


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
    UTF-8. A declared name that is not a charset a page can be written in (see `html_charset`)
    counts as no declaration, as it does in a browser. Guessing beyond that would store
    mojibake as if it were the article, so an HTML file in another encoding that declares none
    is refused.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig", name=name)
    if data.startswith(_UTF16_BOMS):
        return _decode(data, "utf-16", name=name)
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not HTML")
    meta = _META_CHARSET.search(data[:4096])
    candidates = [
        *([declared] if declared else []),
        *([meta.group(1).decode("ascii")] if meta else []),
    ]
    label = next((label for label in candidates if html_charset(label)), "utf-8")
    return _decode(data, label, name=name)


def _decode(data: bytes, label: str, *, name: str) -> str:
    try:
        return data.decode(html_charset(label) or label)
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name}: not valid {label} text (byte {error.start} cannot be decoded)"
        ) from None


def html_charset(label: str) -> str | None:
    """The Python codec for a charset named in a page or a Content-Type header, or None when
    the name is not one an HTML page can be written in.

    Python's codec registry holds more than charsets: transforms of bytes (rot13, base64,
    zlib), a codec that refuses everything (undefined), and codecs that read ASCII as
    something else (unicode_escape, UTF-7, IDNA). Every charset a browser honours reads the
    printable ASCII bytes as themselves, which is what lets it find the <meta> tag at all, so
    that is the test; UTF-16 and UTF-32, which do not, are selected by a byte-order mark.
    """
    try:
        codec = codecs.lookup(label).name
        if _ASCII_PROBE.decode(codec) != _ASCII_PROBE.decode("ascii"):
            return None
    except (LookupError, UnicodeError, TypeError, ValueError):
        return None
    return codec
