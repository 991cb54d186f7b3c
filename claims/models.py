"""The fact-check desk's domain: sources, speakers, statements, claims, evidence and verdicts.

Writes that have rules (creating anchored statements, status transitions, sign-off, publishing,
corrections) go through `claims.services`; models hold fields, constraints and the validation
that a form can run. Constraints the database can check are declared here; the few it cannot
check portably (a quote equal to its slice of the source text, a source's text frozen once
anchored, the event log append-only) are enforced by triggers in migration 0003 as well as by
`clean()`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import text as textlib
from .colours import AA_NORMAL_TEXT, badge_contrast
from .enums import (
    ClaimStatus,
    CorrectionKind,
    DismissalReason,
    EvidenceRelation,
    Priority,
    PublicationKind,
    ReviewStatus,
    SignoffDecision,
    SourceKind,
    SpeakerKind,
    SpeechKind,
)
from .public_record import (
    CLAIM_FROZEN,
    EVIDENCE_FROZEN,
    RATING_FROZEN,
    REVIEW_FROZEN,
    STATEMENT_FROZEN,
    refuse_frozen_change,
)
from .querysets import ClaimQuerySet, EvidenceQuerySet, ReviewQuerySet

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))
WIKIDATA_ID = RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata id looks like Q7747."))


def readable_badge_colour(value: str) -> None:
    """A rating's badge prints its label in white on the rating's colour: WCAG 2.1 AA asks
    for 4.5:1 between them. (A value that is not #RRGGBB is HEX_COLOUR's to report.)"""
    if not HEX_COLOUR.regex.match(value):
        return
    ratio = badge_contrast(value)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of %(ratio)s:1; readers need at least "
                "4.5:1 (WCAG AA). Choose a darker colour."
            ),
            code="low_contrast",
            params={"colour": value, "ratio": f"{ratio:.2f}"},
        )


def _values(choices: type[models.TextChoices]) -> list[str]:
    return [value for value, _label in choices.choices]


class RawFormat(models.TextChoices):
    """What a source's raw input is: the text as given, or the HTML the text was taken from."""

    TEXT = "text", _("Plain text")
    HTML = "html", _("HTML")


class Source(models.Model):
    """A document: an article under check, or one cited as evidence.

    Invariants: `text` is stored once, normalised (see `claims.text.normalize_text`), and never
    changes after a statement is anchored into it; `content_hash` is always the SHA-256 of
    `text`; `raw_input` keeps what was imported before normalising. A non-empty `url` is
    normalised and unique among current versions: a changed page at a known URL is imported
    (`claims.services.source_import`) as a new version pointing to the previous one, which is
    marked superseded and keeps its text and statements. Versions of a URL count 1, 2, 3, ...
    """

    url = models.URLField(
        _("URL"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Where the document is published. Stored in a canonical form; leave empty "
            "for documents that are not online."
        ),
    )
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("The outlet or body, e.g. Sputnik.")
    )
    author = models.CharField(_("author"), max_length=300, blank=True)
    language = models.CharField(
        _("language"), max_length=16, default="en", help_text=_("Language code, e.g. en, ru, fr.")
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=SourceKind.choices, default=SourceKind.ARTICLE
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    retrieved_at = models.DateTimeField(
        _("retrieved"), null=True, blank=True, help_text=_("When the desk took its copy.")
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "The document's text exactly as imported. It cannot be edited once a "
            "statement points into it; import a new version instead."
        ),
    )
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        editable=False,
        help_text=_("SHA-256 of the text: proves the text is the one claims were anchored to."),
    )
    archive_url = models.URLField(
        _("archived copy"),
        max_length=2000,
        blank=True,
        help_text=_("A copy kept by an archive (e.g. the Wayback Machine), linked for readers."),
    )
    full_text_public = models.BooleanField(
        _("full text public"),
        default=False,
        help_text=_(
            "Show the whole text on the source's public page. Only when its licence allows "
            "it (name the licence below); otherwise readers see the passages checked, each "
            "with its paragraph, and links to the original."
        ),
    )
    text_licence = models.CharField(
        _("licence of the text"),
        max_length=200,
        blank=True,
        help_text=_("E.g. CC BY 4.0, or Public domain. Shown to readers beside the text."),
    )
    raw_input = models.TextField(
        _("raw input"),
        blank=True,
        editable=False,
        help_text=_(
            "The article exactly as it came in (the pasted or uploaded text, or the page's "
            "HTML), before the desk normalised it. Empty for sources typed in by hand."
        ),
    )
    raw_format = models.CharField(
        _("raw format"), max_length=8, choices=RawFormat.choices, blank=True, editable=False
    )
    raw_hash = models.CharField(
        _("raw hash"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the bytes received: the file as read or the page as fetched."),
    )
    final_url = models.URLField(
        _("fetched from"),
        max_length=2000,
        blank=True,
        editable=False,
        help_text=_("Where the page was fetched from in the end, after redirects."),
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("A changed page at a URL already in the desk is imported as the next version."),
    )
    previous_version = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="next_version",
        verbose_name=_("previous version"),
    )
    superseded_at = models.DateTimeField(
        _("superseded"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a newer version of this page was imported; empty while current."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["content_hash"], name="source_content_hash_idx")]
        constraints = [
            # Only the current version holds a URL; earlier versions keep it for the record.
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url="") & Q(superseded_at__isnull=True),
                name="source_url_unique_current",
                violation_error_message=_("A source with this URL is already in the desk."),
            ),
            models.UniqueConstraint(
                fields=["url", "version"],
                condition=~Q(url=""),
                name="source_url_version_unique",
                violation_error_message=_("This URL already has a version with this number."),
            ),
            models.CheckConstraint(
                condition=Q(version=1, previous_version__isnull=True)
                | Q(version__gt=1, previous_version__isnull=False),
                name="source_version_follows_previous",
            ),
            models.CheckConstraint(
                condition=Q(superseded_at__isnull=True) | ~Q(url=""),
                name="source_superseded_has_url",
            ),
            models.CheckConstraint(
                condition=Q(raw_format__in=["", *_values(RawFormat)]),
                name="source_raw_format_valid",
            ),
            models.CheckConstraint(
                condition=Q(raw_hash="") | Q(raw_hash__regex=r"^[0-9a-f]{64}$"),
                name="source_raw_hash_is_sha256",
            ),
            models.CheckConstraint(
                condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"),
                name="source_content_hash_is_sha256",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="source_title_not_empty"),
            models.CheckConstraint(
                condition=Q(full_text_public=False) | ~Q(text_licence=""),
                name="source_full_text_has_licence",
                violation_error_message=_(
                    "Name the licence that lets the desk publish the full text."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title

    def save(self, *args, **kwargs) -> None:
        # Derived, so it can never disagree with the text it describes.
        self.content_hash = textlib.content_hash(self.text)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "content_hash"}
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        """False once a newer version of the same page has been imported."""
        return self.superseded_at is None

    @property
    def is_anchored(self) -> bool:
        """True once any statement points into the text (so the text is frozen)."""
        return self.pk is not None and self.statements.exists()

    def clean(self) -> None:
        self.url = textlib.normalize_url(self.url)
        self.text = textlib.normalize_text(self.text)
        self.content_hash = textlib.content_hash(self.text)
        if self.pk is not None and self.is_anchored:
            stored = Source.objects.filter(pk=self.pk).values_list("text", flat=True).first()
            if stored is not None and stored != self.text:
                raise ValidationError(
                    {
                        "text": _(
                            "Statements are anchored in this text, so it cannot change. "
                            "Import the new text as a new source instead."
                        )
                    }
                )


class Speaker(models.Model):
    """A person or organisation to whom words are attributed.

    Invariant: `slug` is set once, from the name, and never changes (public URLs use it).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=SpeakerKind.choices, default=SpeakerKind.PERSON
    )
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_(
            "Other names and descriptions that refer to this speaker in articles, one "
            "per line: 'Sergei Lavrov', 'the minister'."
        ),
    )
    role = models.CharField(
        _("role or title"),
        max_length=200,
        blank=True,
        help_text=_("As readers should see it, e.g. Foreign Minister of Russia."),
    )
    description = models.TextField(_("description"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata id"), max_length=20, blank=True, validators=[WIKIDATA_ID]
    )
    url = models.URLField(
        _("public page"), max_length=2000, blank=True, help_text=_("An official or reference page.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="speaker_wikidata_id_format",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="speaker_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": _("Aliases must be a list of names.")})
        self.aliases = list(dict.fromkeys(a.strip() for a in self.aliases if a.strip()))
        _refuse_slug_change(self)


class Statement(models.Model):
    """What a speaker said, as one source reports it: a span of the source's text.

    Invariants: 0 <= start < end <= len(source.text) and `quote == source.text[start:end]`
    (a W3C TextQuoteSelector, with `prefix` and `suffix` as context). The database checks the
    length and, by trigger, the slice.
    """

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="statements", verbose_name=_("source")
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="statements",
        verbose_name=_("speaker"),
        help_text=_("Who said it. For the outlet's own narration, the outlet."),
    )
    reported_speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="reported_statements",
        null=True,
        blank=True,
        verbose_name=_("reported speaker"),
        help_text=_(
            "For reported speech: whose words the speaker relays (Lavrov saying what "
            "Trudeau said: speaker Lavrov, reported speaker Trudeau)."
        ),
    )
    start = models.PositiveIntegerField(
        _("start"),
        blank=True,
        help_text=_(
            "Offset of the first character in the source text. "
            "Leave empty to find the quote automatically."
        ),
    )
    end = models.PositiveIntegerField(
        _("end"), blank=True, help_text=_("Offset after the last character.")
    )
    quote = models.TextField(
        _("quote"), help_text=_("The exact words as they stand in the source text.")
    )
    prefix = models.TextField(_("text before"), blank=True, editable=False)
    suffix = models.TextField(_("text after"), blank=True, editable=False)
    speech = models.CharField(
        _("speech"), max_length=16, choices=SpeechKind.choices, default=SpeechKind.DIRECT
    )
    said_where = models.CharField(
        _("where it was said"),
        max_length=300,
        blank=True,
        help_text=_("e.g. on Channel One's Bolshaya Igra show."),
    )
    said_on = models.DateField(_("when it was said"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="statement_span_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("quote")),
                name="statement_quote_length_matches_span",
            ),
            models.CheckConstraint(
                condition=~Q(reported_speaker=F("speaker")),
                name="statement_reported_speaker_differs",
            ),
            models.CheckConstraint(
                condition=Q(speech__in=_values(SpeechKind)), name="statement_speech_valid"
            ),
            models.UniqueConstraint(
                fields=["source", "start", "end"],
                name="statement_span_unique",
                violation_error_message=_("A statement already covers exactly this span."),
            ),
        ]

    def __str__(self) -> str:
        words = self.quote if len(self.quote) <= 80 else self.quote[:77] + "..."
        return f"{self.speaker}: “{words}”" if self.speaker_id else words

    @property
    def is_public_record(self) -> bool:
        """True once a claim taken from it has been published: then it is frozen."""
        return self.pk is not None and self.claims.filter(first_published_at__isnull=False).exists()

    def clean(self) -> None:
        if self.is_public_record:
            # Nothing to work out again: the anchor stays exactly as readers were shown it.
            refuse_frozen_change(self, frozen=True, message=STATEMENT_FROZEN)
            return
        if not self.source_id:
            return
        text = self.source.text
        if self.start is None and self.quote:
            occurrences = textlib.count_occurrences(text, self.quote)
            if occurrences == 0:
                raise ValidationError({"quote": _("These words do not occur in the source text.")})
            if occurrences > 1:
                raise ValidationError(
                    {
                        "start": _(
                            "These words occur %(n)d times in the source; give the start "
                            "offset of the one you mean."
                        )
                        % {"n": occurrences}
                    }
                )
            self.start = textlib.find_quote(text, self.quote)
        if self.start is not None and self.end is None and self.quote:
            self.end = self.start + len(self.quote)
        if self.start is None or self.end is None:
            raise ValidationError(_("Give the quote, or its start and end offsets."))
        try:
            selector = textlib.quote_at(text, self.start, self.end)
        except ValueError as error:
            raise ValidationError({"end": str(error)}) from None
        if self.quote and self.quote != selector.exact:
            raise ValidationError(
                {
                    "quote": _("The quote does not match the source text at %(start)d-%(end)d.")
                    % {"start": self.start, "end": self.end}
                }
            )
        self.quote, self.prefix, self.suffix = selector.exact, selector.prefix, selector.suffix
        if self.reported_speaker_id and self.reported_speaker_id == self.speaker_id:
            raise ValidationError(
                {"reported_speaker": _("The reported speaker must differ from the speaker.")}
            )


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Claim(models.Model):
    """One atomic, checkable assertion taken from a statement, worded by the desk.

    Invariants: `status` changes only through `claims.services.claim_transition` (which bumps
    `version`, so two people acting at once cannot both win) and holds exactly one valid value;
    a dismissed claim has a dismissal reason and no other claim does; a claim that readers have
    seen has its first publication date; `slug` is set once and never changes.
    """

    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, related_name="claims", verbose_name=_("statement")
    )
    text = models.TextField(
        _("claim"),
        help_text=_(
            "One checkable assertion, in the desk's words, e.g. 'NATO admitted "
            "Montenegro, North Macedonia and Albania'."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ClaimStatus.choices,
        default=ClaimStatus.NEW,
        editable=False,
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    dismissal_reason = models.CharField(
        _("dismissal reason"),
        max_length=32,
        choices=DismissalReason.choices,
        blank=True,
        editable=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assigned_claims",
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("assigned fact-checker"),
    )
    topics = models.ManyToManyField(Topic, related_name="claims", blank=True)
    checkworthiness = models.FloatField(
        _("check-worthiness"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 to 1: how much the claim matters and can be checked. A hint, not a gate."),
    )
    context_note = models.TextField(
        _("context note"), blank=True, help_text=_("Shown to readers with the verdict.")
    )
    internal_note = models.TextField(
        _("internal note"), blank=True, help_text=_("For the desk only; never published.")
    )
    repeat_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="repeats",
        null=True,
        blank=True,
        verbose_name=_("repeat of"),
        help_text=_("The first claim this one repeats, when the same claim was made before."),
    )
    first_published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False
    )
    due_at = models.DateTimeField(
        _("due"),
        null=True,
        blank=True,
        help_text=_("When the editor needs the check; past it, the claim is overdue."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="created_claims",
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    # Field-level history (who changed what, when); the event log says why statuses moved.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The admin's list, newest first, whole and by status.
            models.Index(fields=["-created_at", "-id"], name="claim_created_order"),
            models.Index(fields=["status", "-created_at", "-id"], name="claim_status_created"),
            # Readers' lists and the API: public claims, newest publication first. Not a
            # partial index: SQLite uses one only when the query spells out the same constants,
            # and the ORM sends the statuses as parameters.
            models.Index(fields=["-first_published_at", "-id"], name="claim_public_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=_values(ClaimStatus)), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=ClaimStatus.DISMISSED)
                    & Q(dismissal_reason__in=_values(DismissalReason))
                )
                | (~Q(status=ClaimStatus.DISMISSED) & Q(dismissal_reason="")),
                name="claim_dismissed_iff_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN])
                | Q(first_published_at__isnull=False),
                name="claim_public_has_publication_date",
            ),
            models.CheckConstraint(
                condition=Q(checkworthiness__isnull=True)
                | Q(checkworthiness__gte=0.0, checkworthiness__lte=1.0),
                name="claim_checkworthiness_range",
            ),
            models.CheckConstraint(
                condition=~Q(repeat_of=F("id")), name="claim_not_repeat_of_itself"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="claim_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 100 else self.text[:97] + "..."

    @property
    def speaker(self) -> Speaker:
        return self.statement.speaker

    @property
    def is_public_record(self) -> bool:
        """True once readers have seen the claim (as stored, not as edited in a form)."""
        if self.pk is None:
            return False
        stored = Claim.objects.filter(pk=self.pk).values_list("first_published_at", flat=True)
        return stored.first() is not None

    def clean(self) -> None:
        _refuse_slug_change(self)
        refuse_frozen_change(self, frozen=self.is_public_record, message=CLAIM_FROZEN)
        if self.repeat_of_id and self.repeat_of_id == self.pk:
            raise ValidationError({"repeat_of": _("A claim cannot repeat itself.")})


class Evidence(models.Model):
    """A link from a claim to a source that refutes it, supports it, or gives context.

    Invariants: evidence that a published verdict cites is never changed, moved or deleted
    (`claims.public_record`, backed by triggers). New evidence reaches a published claim only
    with a correction in progress (`correction`), and readers see it once that correction is
    approved (`EvidenceQuerySet.cited`).
    """

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("claim")
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="cited_as_evidence", verbose_name=_("source")
    )
    relation = models.CharField(_("relation"), max_length=16, choices=EvidenceRelation.choices)
    excerpt = models.TextField(
        _("excerpt"), blank=True, help_text=_("The relevant passage, quoted from the source.")
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("Why this source matters; shown to readers.")
    )
    archive_url = models.URLField(
        _("archived copy"),
        max_length=2000,
        blank=True,
        help_text=_("A snapshot readers can open if the original changes or disappears."),
    )
    archive_hash = models.CharField(
        _("archive hash"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the archived copy, so the check can be reproduced."),
    )
    correction = models.ForeignKey(
        "Review",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="added_evidence",
        verbose_name=_("added with correction"),
        help_text=_(
            "Evidence added to a published claim comes with a correction and is shown to "
            "readers once the correction is approved."
        ),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, editable=False
    )
    excerpt_found = models.BooleanField(
        _("excerpt found in the source"),
        null=True,
        editable=False,
        help_text=_(
            "Whether the excerpt is in the cited source's stored text (quote marks, dashes, "
            "case and spacing ignored; '…' for words left out), as of the last save. Empty when "
            "there is no excerpt or the source has no text."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "relation", "id"]
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=Q(relation__in=_values(EvidenceRelation)), name="evidence_relation_valid"
            ),
            models.CheckConstraint(
                condition=Q(archive_hash="") | Q(archive_hash__regex=r"^[0-9a-f]{64}$"),
                name="evidence_archive_hash_is_sha256",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.source}"

    def save(self, *args, **kwargs):
        # Kept on every save, so that no path (the admin, the services, the seed) leaves a
        # changed excerpt with the mark of the old one.
        self.excerpt_found = textlib.excerpt_in_text(self.excerpt, self.source.text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "excerpt_found"}
        super().save(*args, **kwargs)

    @property
    def is_public_record(self) -> bool:
        """True while a published verdict cites it (as stored): then it is frozen."""
        if self.pk is None:
            return False
        return (
            Evidence.objects.filter(pk=self.pk)
            .cited()
            .filter(claim__first_published_at__isnull=False)
            .exists()
        )

    def clean(self) -> None:
        refuse_frozen_change(self, frozen=self.is_public_record, message=EVIDENCE_FROZEN)
        if not self.claim_id:
            return
        if self.pk is not None:
            stored = Evidence.objects.filter(pk=self.pk).values_list("claim_id", flat=True)
            if stored.first() == self.claim_id:
                return
        # New to this claim: on a published one, only with a correction of it in progress.
        published = Claim.objects.filter(pk=self.claim_id, first_published_at__isnull=False)
        if published.exists() and not (
            self.correction is not None and self.correction.corrects_now(self.claim_id)
        ):
            raise ValidationError(EVIDENCE_FROZEN, code="public_record")


class RatingScale(models.Model):
    """The organisation's ordered ratings. Data, not code: an editor can add a scale."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(
        _("default scale"), default=False, help_text=_("New reviews use this scale.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="rating_scale_one_default",
                violation_error_message=_("Only one rating scale can be the default."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Rating(models.Model):
    """One rating on a scale. `value` is the ClaimReview ratingValue: 1 is the least true,
    higher is truer, never reversed. Non-verdict ratings (Unverifiable, Not a claim) have no
    value and do not count in a speaker's record."""

    scale = models.ForeignKey(
        RatingScale, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("scale")
    )
    label = models.CharField(_("label"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    # #767676 is the lightest grey whose white label keeps 4.5:1.
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#767676",
        validators=[HEX_COLOUR, readable_badge_colour],
    )
    value = models.PositiveSmallIntegerField(
        _("value"),
        null=True,
        blank=True,
        help_text=_("Place on the scale, 1 = least true. Empty for non-verdict ratings."),
    )
    is_verdict = models.BooleanField(
        _("counts as a verdict"),
        default=True,
        help_text=_("Untick for ratings such as Unverifiable that say no verdict was reached."),
    )

    class Meta:
        ordering = ["scale", "-is_verdict", "value", "label"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "slug"], name="rating_slug_unique_in_scale"),
            models.UniqueConstraint(fields=["scale", "value"], name="rating_value_unique_in_scale"),
            models.CheckConstraint(
                condition=Q(is_verdict=True, value__isnull=False, value__gte=1)
                | Q(is_verdict=False, value__isnull=True),
                name="rating_verdict_has_value",
                violation_error_message=_(
                    "A verdict rating needs a value of 1 or more; a non-verdict rating has none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="rating_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def css_class(self) -> str:
        """The class that gives this rating's badge its colour (see the /ratings.css view)."""
        return self.css_class_of(self.pk)

    @staticmethod
    def css_class_of(pk: int) -> str:
        return f"rating-{pk}"

    @property
    def is_public_record(self) -> bool:
        """True once an approved verdict uses it: readers were told this label."""
        return self.pk is not None and Review.objects.approved().filter(rating_id=self.pk).exists()

    def clean(self) -> None:
        refuse_frozen_change(self, frozen=self.is_public_record, message=RATING_FROZEN)


class Review(models.Model):
    """A verdict on a claim: rating, one-line summary, analysis, author, and its sign-off.

    Invariants: a submitted or approved review has a rating, summary and analysis; an approved
    review has its approval time; a correction (any review after the first published one)
    carries a kind and a public note. Approvers are never the author (`claims.services`).
    An approved review is never edited: a correction is a new review.
    """

    claim = models.ForeignKey(
        Claim, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("claim")
    )
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("rating")
    )
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("The verdict in one line.")
    )
    analysis = models.TextField(
        _("analysis"), blank=True, help_text=_("Why: the reasoning and the evidence. Markdown.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_reviews",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFT,
        editable=False,
    )
    correction_kind = models.CharField(
        _("correction kind"),
        max_length=32,
        choices=CorrectionKind.choices,
        blank=True,
        help_text=_("Only for a review that corrects a published verdict."),
    )
    public_note = models.TextField(
        _("correction note"), blank=True, help_text=_("What changed and why, for readers.")
    )
    round = models.PositiveIntegerField(
        _("sign-off round"),
        default=0,
        editable=False,
        help_text=_("How many times the review has been submitted; sign-offs count per round."),
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "-created_at", "-id"]
        indexes = [
            # A claim's current verdict: its latest approved review.
            models.Index(fields=["claim", "status", "-approved_at"], name="review_claim_current"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=_values(ReviewStatus)), name="review_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReviewStatus.DRAFT)
                | (Q(rating__isnull=False) & ~Q(summary="") & ~Q(analysis="")),
                name="review_submitted_is_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.APPROVED) | Q(approved_at__isnull=False),
                name="review_approved_has_date",
            ),
            models.CheckConstraint(
                condition=Q(correction_kind="")
                | (Q(correction_kind__in=_values(CorrectionKind)) & ~Q(public_note="")),
                name="review_correction_has_kind_and_note",
            ),
        ]

    def __str__(self) -> str:
        verdict = self.rating.label if self.rating_id else _("no rating yet")
        return f"{verdict}: {self.summary or self.claim}"

    @property
    def is_correction(self) -> bool:
        return bool(self.correction_kind)

    def corrects_now(self, claim_id: int) -> bool:
        """Whether this is a correction of that claim still in progress: what new evidence
        for a published claim comes with."""
        return (
            self.claim_id == claim_id
            and self.is_correction
            and self.status != ReviewStatus.APPROVED
        )

    @property
    def is_public_record(self) -> bool:
        """True once approved (as stored): an approved review is never edited."""
        if self.pk is None:
            return False
        return Review.objects.approved().filter(pk=self.pk).exists()

    def clean(self) -> None:
        refuse_frozen_change(self, frozen=self.is_public_record, message=REVIEW_FROZEN)


class Signoff(models.Model):
    """One reviewer's decision on a review. Never by the review's author."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="signoffs")
    round = models.PositiveIntegerField(
        _("round"), default=1, help_text=_("The submission of the review this decision is on.")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signoffs"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=SignoffDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["review", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "round", "reviewer"], name="signoff_once_per_reviewer_and_round"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=_values(SignoffDecision)), name="signoff_decision_valid"
            ),
            models.CheckConstraint(
                condition=~Q(decision=SignoffDecision.REQUEST_CHANGES) | ~Q(comment=""),
                name="signoff_request_changes_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer}"


class PublicationEntry(models.Model):
    """The public record of a claim: what readers were told, dated. Never edited or removed."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="publication_record")
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, null=True, blank=True, related_name="publication_entries"
    )
    correction_kind = models.CharField(
        _("correction kind"), max_length=32, choices=CorrectionKind.choices, blank=True
    )
    note = models.TextField(_("public note"), blank=True)
    published_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["claim", "published_at", "id"]
        verbose_name_plural = _("publication entries")
        indexes = [
            # The corrections page and feed: newest first, by kind.
            models.Index(fields=["kind", "-published_at", "-id"], name="publication_kind_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=_values(PublicationKind)), name="publication_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=PublicationKind.CORRECTION)
                | (Q(correction_kind__in=_values(CorrectionKind)) & ~Q(note="")),
                name="publication_correction_has_kind_and_note",
            ),
            models.CheckConstraint(
                condition=~Q(kind=PublicationKind.WITHDRAWAL) | ~Q(note=""),
                name="publication_withdrawal_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.claim} on {self.published_at:%Y-%m-%d}"


class ClaimEvent(models.Model):
    """Append-only log of everything done to a claim: who, when, from which status to which, why.

    Rows are only ever inserted (`claims.services`); updating one is refused here and by a
    database trigger.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claim_events",
    )
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(
        _("from"), max_length=16, choices=ClaimStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=ClaimStatus.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["claim", "created_at", "id"]

    def __str__(self) -> str:
        return (
            f"{self.action} {self.from_status}→{self.to_status} at {self.created_at:%Y-%m-%d %H:%M}"
        )

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValidationError(_("Claim events are append-only."))
        super().save(*args, **kwargs)


class SuggestionDecision(models.Model):
    """An editor's decision on one suggested claim in a source, so the workspace does not offer
    it again: accepted (with the claim it became) or rejected."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    claim = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "start", "end"], name="suggestion_decided_once"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="suggestion_span_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=["accepted", "rejected"]),
                name="suggestion_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} {self.start}-{self.end} in {self.source}"


@receiver(pre_delete, sender=Evidence, dispatch_uid="evidence-cited-kept")
def _keep_cited_evidence(sender, instance: Evidence, **kwargs) -> None:
    # Every ORM delete, bulk ones included, sends this; raw SQL meets the trigger instead.
    if instance.is_public_record:
        raise ValidationError(EVIDENCE_FROZEN, code="public_record")


def _refuse_slug_change(instance: models.Model) -> None:
    """Public URLs use slugs, so a stored slug never changes."""
    if instance.pk is None:
        return
    stored = type(instance).objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if stored and stored != instance.slug:
        raise ValidationError({"slug": _("The slug is part of public links and cannot change.")})


class SourceSuggestions(models.Model):
    """The suggestion engine's report on a source, computed once when the source arrived
    (`claims.arrival`) instead of on every opening of the workspace.

    Invariant: the report is current only while `engine_version` is the running engine's and
    `content_hash` the source's; otherwise it is computed again. Matches against the desk's
    claims are not stored: they change as claims are made, and are looked up when shown.
    """

    source = models.OneToOneField(
        Source, on_delete=models.CASCADE, related_name="stored_suggestions"
    )
    engine_version = models.CharField(_("engine version"), max_length=64)
    content_hash = models.CharField(_("content hash of the text read"), max_length=64)
    report = models.JSONField(
        _("report"), help_text=_("The engine's paragraphs, candidates and speakers.")
    )
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        verbose_name = _("stored suggestions")
        verbose_name_plural = _("stored suggestions")

    def __str__(self) -> str:
        return f"Suggestions for {self.source_id} (engine {self.engine_version[:8]})"


class Alert(models.Model):
    """A new statement that looks like a claim the desk already published or is checking.

    Raised when a source arrives (`claims.arrival`); an editor links it as a repeat (which
    makes its statement and a claim with `repeat_of` set) or dismisses it, through
    `claims.services`; a match close enough (`claims.matching.hybrid.linkable`) is linked by
    the desk itself. Invariants: open alerts carry no decision; a decided one says when, and
    who unless the desk linked it; a span of a source alerts once.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        LINKED = "linked", _("Linked as a repeat")
        DISMISSED = "dismissed", _("Dismissed")

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("source")
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.TextField(_("new words"), help_text=_("The words as the source has them."))
    statement_start = models.PositiveIntegerField(_("statement start"))
    statement_end = models.PositiveIntegerField(_("statement end"))
    speech = models.CharField(
        _("speech"), max_length=16, choices=SpeechKind.choices, default=SpeechKind.DIRECT
    )
    speaker_name = models.CharField(
        _("speaker found"), max_length=200, blank=True, help_text=_("As the engine found it.")
    )
    reported_speaker_name = models.CharField(_("quoting"), max_length=200, blank=True)
    checkworthiness = models.FloatField(_("check-worthiness"))
    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("earlier claim"),
        help_text=_("The desk's claim that the new words look like."),
    )
    score = models.FloatField(_("likeness"), help_text=_("0 to 1: how alike the wordings are."))
    reasons = models.JSONField(
        _("reasons"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Why the wordings match: meaning, shared words, languages, their figures."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, editable=False
    )
    linked_automatically = models.BooleanField(
        _("linked automatically"),
        default=False,
        editable=False,
        help_text=_("Linked by the desk's matcher, not by an editor; an editor may undo it."),
    )
    repeat = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("repeat made"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at", "-id"], name="alert_queue")]
        constraints = [
            models.UniqueConstraint(fields=["source", "start", "end"], name="alert_once_per_span"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="alert_span_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=["open", "linked", "dismissed"]), name="alert_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="open", decided_at__isnull=True, decided_by__isnull=True)
                | (~Q(status="open") & Q(decided_at__isnull=False)),
                name="alert_decided_iff_not_open",
            ),
            models.CheckConstraint(
                condition=Q(linked_automatically=False) | Q(status="linked"),
                name="alert_automatic_only_when_linked",
            ),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"“{words}” repeats #{self.claim_id}?"


class ImportBatch(models.Model):
    """A JSONL file or a zip of articles uploaded in the admin, imported by a background job
    (`claims.tasks.import_batch`) that records its progress here as it goes.

    Invariant: the uploaded bytes are kept until the job has read every article (a retried job
    reads them again), then emptied; the lists name the sources made and found.
    """

    name = models.CharField(_("file"), max_length=255)
    form = models.CharField(_("form"), max_length=8, choices=[("jsonl", "JSONL"), ("zip", "zip")])
    content = models.BinaryField(_("uploaded file"), editable=False)
    size = models.PositiveIntegerField(_("bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    job_id = models.CharField(_("job"), max_length=64, blank=True)
    total = models.PositiveIntegerField(_("articles"), default=0)
    done = models.PositiveIntegerField(_("articles read"), default=0)
    created = models.JSONField(_("sources created"), default=list)
    existing = models.JSONField(_("sources already there"), default=list)
    failures = models.JSONField(_("articles that failed"), default=list)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        constraints = [
            models.CheckConstraint(
                condition=Q(form__in=["jsonl", "zip"]), name="import_batch_form_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name
