"""Share cards: the 1200 x 630 picture that other sites show beside a link to a claim page
(`og:image`, `twitter:image`), drawn by the server with Pillow.

A claim's card shows its verdict (the rating's label in the rating's colour), the claim, who
said it and the desk's name; a withdrawn claim's card shows the withdrawal instead of the old
verdict. Pages other than a claim's share the site's card.

A card is drawn once per version of what it shows (`Face.version`): the PNG is kept in the
cache under that version, so a new verdict, a withdrawal, an edited wording or a renamed
speaker gives a new key and the next request draws the new card, while readers' requests for
an unchanged claim never draw again. With a shared cache (Redis) every worker shares the
drawings. The text is set in DejaVu Sans, committed beside this module
(claims/public/fonts/, its licence in LICENSE there), which covers Latin, Cyrillic and Greek.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language, gettext
from PIL import Image, ImageDraw, ImageFont

from ..enums import ClaimStatus, SpeechKind
from ..models import Claim, Review
from .cache import CACHE_ERRORS, cache_failed

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"
# Versioned with the drawing: a change to the layout must not serve the last release's cards.
KEY_PREFIX = "share-card:v1"
# Kept long: a key names one version of a card, which never goes stale, only unused.
KEEP_SECONDS = 30 * 24 * 3600
INK, QUIET, PAPER, LINE = "#1f2328", "#57606a", "#ffffff", "#d0d7de"
WITHDRAWN_COLOUR = "#9a3412"  # as the withdrawal notice on the page, 4.5:1 with white
MARGIN = 72


@dataclass(frozen=True)
class Face:
    """What a card shows. A site card has only `desk` and `tagline`."""

    desk: str
    claim: str = ""
    speaker: str = ""
    speech: str = SpeechKind.DIRECT
    label: str = ""  # the rating's label, or the withdrawal
    colour: str = ""  # #RRGGBB, white text on it (ratings keep 4.5:1 with white)
    tagline: str = ""
    language: str = ""

    @property
    def version(self) -> str:
        fields = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(fields.encode()).hexdigest()[:16]


def claim_face(slug: str) -> Face | None:
    """The card of the public claim `slug`, or None when readers may not see it."""
    claim = (
        Claim.objects.public()
        .filter(slug=slug)
        .select_related("statement__speaker")
        .only("text", "status", "statement__speech", "statement__speaker__name")
        .first()
    )
    if claim is None:
        return None
    face = {
        "desk": settings.FACTCHECK_ORGANIZATION,
        "claim": claim.text,
        "speaker": claim.statement.speaker.name if claim.statement.speaker else "",
        "speech": claim.statement.speech,
        "language": get_language() or "",
    }
    if claim.status == ClaimStatus.WITHDRAWN:
        # The old verdict is not shown anywhere once withdrawn, the card included.
        return Face(**face, label=gettext("Withdrawn"), colour=WITHDRAWN_COLOUR)
    review = (
        Review.objects.current_first()
        .filter(claim=claim)
        .select_related("rating")
        .only("rating__label", "rating__colour")
        .first()
    )
    if review is None:
        return Face(**face)
    return Face(**face, label=review.rating.label, colour=review.rating.colour)


def site_face() -> Face:
    return Face(
        desk=settings.FACTCHECK_ORGANIZATION,
        tagline=gettext("Fact-checks: what was said, our verdict and the evidence."),
        language=get_language() or "",
    )


def png(face: Face) -> bytes:
    """The card of `face` as PNG, drawn at most once per version while the cache keeps it."""
    key = f"{KEY_PREFIX}:{face.version}"
    try:
        found = cache.get(key)
    except CACHE_ERRORS as error:
        cache_failed("reading a share card", error)
        found = None
    if found:
        return found
    drawn = draw(face)
    try:
        cache.set(key, drawn, KEEP_SECONDS)
    except CACHE_ERRORS as error:
        cache_failed("keeping a share card", error)
    return drawn


def claim_card(request: HttpRequest, slug: str) -> HttpResponse:
    """A public claim's card (its page's `og:image`); 404 for what readers may not see."""
    face = claim_face(slug)
    if face is None:
        raise Http404("No published claim here.")
    return HttpResponse(png(face), content_type="image/png")


def site_card(request: HttpRequest) -> HttpResponse:
    """The card of every page that is not a claim's."""
    return HttpResponse(png(site_face()), content_type="image/png")


@once
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """`text` in lines no wider than `width` (a word longer than a line is cut by letters)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while draw.textlength(line, font=font) > width:
            cut = len(line)
            while cut > 1 and draw.textlength(line[:cut], font=font) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _fit(draw, text: str, width: int, height: int, sizes: range, bold: bool):
    """The largest font size of `sizes` at which `text` fits the box, and its lines; at the
    smallest size, the lines that fit, the last one ended with an ellipsis."""
    for size in sizes:
        font = _font(size, bold)
        lines = _wrap(draw, text, font, width)
        if len(lines) * round(size * 1.3) <= height:
            return font, lines
    room = max(1, height // round(size * 1.3))
    if len(lines) > room:
        lines = lines[:room]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return font, lines


def draw(face: Face) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    # The desk's name at the foot, under a rule, on every card.
    pen.line([(MARGIN, HEIGHT - 110), (WIDTH - MARGIN, HEIGHT - 110)], fill=LINE, width=2)
    desk_font = _font(30, bold=True)
    desk = _wrap(pen, face.desk, desk_font, inner)[0]
    pen.text((MARGIN, HEIGHT - 80), desk, font=desk_font, fill=INK)
    if not face.claim:
        pen.rectangle([(0, 0), (24, HEIGHT)], fill="#0b5cad")
        font, lines = _fit(pen, face.desk, inner, 220, range(80, 39, -4), bold=True)
        y = 120
        for line in lines:
            pen.text((MARGIN, y), line, font=font, fill=INK)
            y += round(font.size * 1.3)
        tag_font, tag_lines = _fit(pen, face.tagline, inner, 130, range(40, 23, -2), bold=False)
        for line in tag_lines:
            pen.text((MARGIN, y + 20), line, font=tag_font, fill=QUIET)
            y += round(tag_font.size * 1.3)
        return _encode(image)
    top = MARGIN - 16
    if face.label:
        pen.rectangle([(0, 0), (24, HEIGHT)], fill=face.colour)
        badge_font = _font(40, bold=True)
        label = _wrap(pen, face.label.upper(), badge_font, inner - 48)[0]
        box = pen.textbbox((0, 0), label, font=badge_font)
        height = box[3] + 28
        pen.rounded_rectangle(
            [(MARGIN, top), (MARGIN + box[2] + 48, top + height)],
            radius=height // 2,
            fill=face.colour,
        )
        pen.text((MARGIN + 24, top + 14), label, font=badge_font, fill="#ffffff")
        top += height + 32
    speaker_font = _font(32)
    speaker_height = 56 if face.speaker else 0
    claim_box = HEIGHT - 140 - top - speaker_height
    quoted = face.speech == SpeechKind.DIRECT
    text = f"“{face.claim}”" if quoted else face.claim
    font, lines = _fit(pen, text, inner, claim_box, range(56, 27, -2), bold=True)
    y = top
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=INK)
        y += round(font.size * 1.3)
    if face.speaker:
        said = _speaker_line(face)
        said = _fit(pen, said, inner, 44, range(32, 31, -1), bold=False)[1][0]
        pen.text((MARGIN, y + 12), said, font=speaker_font, fill=QUIET)
    return _encode(image)


def _speaker_line(face: Face) -> str:
    if face.speech == SpeechKind.NARRATION:
        return gettext("%(name)s, in its own report") % {"name": face.speaker}
    if face.speech == SpeechKind.INDIRECT:
        return gettext("%(name)s, in a paraphrase") % {"name": face.speaker}
    return f"— {face.speaker}"


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # A palette keeps the flat colours exactly and makes the file a few times smaller.
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()
