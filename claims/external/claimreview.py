"""One ClaimReview (schema.org, as JSON-LD) read into a `Record` of the fields the desk keeps
(no Django). Anything that is not a usable ClaimReview gives None: without a review URL, a
claim and a publisher there is nothing to show or to match.

Publishers write ClaimReview loosely: a value may be a string, an object, or a list of either;
dates come as dates, date-times or free text; numbers as strings. Each field is read by the
most common of these shapes and left empty otherwise.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from claims.text import normalize_url

MAX_CLAIM = 2000
MAX_SHORT = 300
MAX_URL = 1000


@dataclass(frozen=True)
class Record:
    review_url: str
    publisher: str
    publisher_url: str
    title: str
    claim_text: str
    claimant: str
    claim_date: datetime.date | None
    review_date: datetime.date | None
    rating_text: str
    rating_value: float | None
    rating_best: float | None
    rating_worst: float | None
    language: str
    licence: str

    def content_hash(self) -> str:
        """SHA-256 of every field, so an unchanged verdict is told apart without comparing."""
        fields = {name: value for name, value in asdict(self).items()}
        text = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_claim_review(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "ClaimReview" for k in kinds)


def claim_reviews_in(data: Any) -> Iterator[dict]:
    """Every ClaimReview object in a JSON-LD value: a single object, a list, an @graph."""
    stack = [data]
    while stack:
        value = stack.pop(0)
        if isinstance(value, list):
            stack[:0] = value
        elif isinstance(value, dict):
            if is_claim_review(value):
                yield value
            elif "@graph" in value:
                stack.insert(0, value["@graph"])


def record_of(item: Any) -> Record | None:
    """The Record of a ClaimReview object, or None when it lacks a URL, a claim or a publisher
    (or is not an object at all)."""
    if not isinstance(item, dict):
        return None
    url = _url(item.get("url"))
    claim = _text(item.get("claimReviewed"), MAX_CLAIM)
    reviewed = _first(item.get("itemReviewed"))
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    if not claim:
        claim = _text(reviewed.get("name") or reviewed.get("text"), MAX_CLAIM)
    author = _first(item.get("author")) or _first(item.get("publisher"))
    publisher, publisher_url = _organisation(author)
    if not publisher_url and url:
        publisher_url = urlsplit(url).hostname or ""
    publisher = publisher or publisher_url
    if not (url and claim and publisher):
        return None
    claimant, _ = _organisation(_first(reviewed.get("author")))
    appearance = _first(reviewed.get("appearance")) or _first(reviewed.get("firstAppearance"))
    claim_date = _date(reviewed.get("datePublished"))
    if claim_date is None and isinstance(appearance, dict):
        claim_date = _date(appearance.get("datePublished"))
    rating = _first(item.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    value = _number(rating.get("ratingValue"))
    rating_text = _text(rating.get("alternateName") or rating.get("name"), MAX_SHORT)
    if not rating_text and value is not None:
        rating_text = _text(rating.get("ratingValue"), MAX_SHORT)
    return Record(
        review_url=url,
        publisher=_cut(publisher, 200),
        publisher_url=_cut(publisher_url, 500),
        title=_text(item.get("headline") or item.get("name"), 500),
        claim_text=claim,
        claimant=claimant[:MAX_SHORT],
        claim_date=claim_date,
        review_date=_date(item.get("datePublished")) or _date(item.get("dateCreated")),
        rating_text=rating_text,
        rating_value=value,
        rating_best=_number(rating.get("bestRating")),
        rating_worst=_number(rating.get("worstRating")),
        language=_language(item.get("inLanguage") or reviewed.get("inLanguage")),
        licence=_text(_first(item.get("license")), 500),
    )


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return next((v for v in value if v not in (None, "", {})), None)
    return value


def _text(value: Any, limit: int) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        value = f"{value:g}"
    if not isinstance(value, str):
        return ""
    return _cut(" ".join(value.split()), limit)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _url(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if not isinstance(value, str):
        return ""
    try:
        url = normalize_url(value)
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        return ""
    return url


def _organisation(value: Any) -> tuple[str, str]:
    """(name, site) of an author, publisher or claimant: an object or a bare name."""
    if isinstance(value, str):
        return _cut(" ".join(value.split()), MAX_SHORT), ""
    if not isinstance(value, dict):
        return "", ""
    name = _text(value.get("name") or value.get("alternateName"), MAX_SHORT)
    site = _text(value.get("url") or value.get("sameAs") or value.get("@id"), 500)
    return name, site


def _date(value: Any) -> datetime.date | None:
    value = _first(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if abs(number) < 1e9 and number == number else None


def _language(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if not isinstance(value, str):
        return ""
    code = value.strip()
    return code if 0 < len(code) <= 35 and " " not in code else ""
