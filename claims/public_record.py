"""What readers were told, as data: the fields that freeze once a claim has been published.

Once a claim is published, its wording, its statement (who said it, whom they quoted, when,
where, and the span of the source), the evidence it cites and its approved verdicts are part of
the public record. They change only through a correction that is signed off and enters the
record (`claims.services`); every other write is refused. This module is the one list of those
fields. The models' `clean()` reads it to give forms a clear message, the admin reads it to
show the fields read-only, and `claims.db.triggers` builds the database triggers from it, so
that no path (an inline, a bulk action, the shell, raw SQL) gets around it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Field names per model. A claim is frozen once it has a first publication date; a statement
# once any of its claims has one; evidence once its claim has one, unless it was added with a
# correction still in progress; a review once approved; a rating once an approved review uses it.
FROZEN_FIELDS: dict[str, tuple[str, ...]] = {
    "claim": ("statement", "text", "slug", "context_note", "first_published_at"),
    "statement": ("source", "speaker", "reported_speaker", "start", "end", "quote", "prefix",
                  "suffix", "speech", "said_where", "said_on"),
    "evidence": ("claim", "source", "relation", "excerpt", "note", "archive_url", "archive_hash",
                 "correction"),
    "review": ("claim", "rating", "summary", "analysis", "author", "status", "correction_kind",
               "public_note", "approved_at"),
    "rating": ("scale", "label", "slug", "value", "is_verdict"),
}  # fmt: skip

CLAIM_FROZEN = _(
    "This claim has been published: its wording is part of the public record. To change what "
    "readers were told, write a correction."
)
STATEMENT_FROZEN = _(
    "A published claim is taken from this statement: who said it, when, where and the quoted "
    "words are part of the public record. To change them, write a correction of the claim."
)
EVIDENCE_FROZEN = _(
    "This evidence is cited by a published verdict and cannot be changed, moved or removed. "
    "To change what readers were shown, write a correction and add evidence with it."
)
REVIEW_FROZEN = _("An approved review is part of the record; a correction is a new review.")
RATING_FROZEN = _(
    "Published verdicts use this rating: its label, place and meaning cannot change. Add a new "
    "rating instead."
)

# The message a database trigger raises, for writes that skipped the checks above.
TRIGGER_MESSAGE = "public record: %s cannot change"


def frozen_field_names(model: type[models.Model]) -> tuple[str, ...]:
    return FROZEN_FIELDS[model._meta.model_name]


def frozen_columns(model: type[models.Model]) -> list[str]:
    return [model._meta.get_field(name).column for name in frozen_field_names(model)]


def changed_frozen_fields(instance: models.Model) -> list[str]:
    """The frozen fields whose value differs from the stored row (none for a new row)."""
    if instance.pk is None:
        return []
    model = type(instance)
    attnames = {name: model._meta.get_field(name).attname for name in frozen_field_names(model)}
    stored = model._default_manager.filter(pk=instance.pk).values(*attnames.values()).first()
    if stored is None:
        return []
    return [
        name for name, attname in attnames.items() if getattr(instance, attname) != stored[attname]
    ]


def refuse_frozen_change(instance: models.Model, *, frozen: bool, message) -> None:
    """Raise ValidationError if the row is frozen and one of its frozen fields changed. Not
    tied to a field: a form may not show the field that changed (a statement's prefix)."""
    if not frozen:
        return
    changed = changed_frozen_fields(instance)
    if changed:
        model = type(instance)
        names = ", ".join(str(model._meta.get_field(name).verbose_name) for name in changed)
        raise ValidationError(
            "%(message)s (%(fields)s)",
            code="public_record",
            params={"message": message, "fields": names},
        )
