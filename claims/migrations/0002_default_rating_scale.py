"""The default rating scale. Ratings are data: editors may add scales or relabel these."""

from django.db import migrations

DEFAULT_SCALE = {
    "name": "Standard",
    "slug": "standard",
    "description": "Five verdicts from False to True, plus ratings for claims that could not be "
    "rated. Higher values are truer.",
}

# (label, slug, value, colour, description); value None = not a verdict.
DEFAULT_RATINGS = [
    ("False", "false", 1, "#b91c1c", "The claim is not accurate."),
    (
        "Mostly false",
        "mostly-false",
        2,
        "#c2410c",
        "The claim contains an element of truth but ignores facts that would give a different "
        "impression.",
    ),
    (
        "Half true",
        "half-true",
        3,
        "#a16207",
        "The claim is partly accurate but leaves out important details or takes things out of "
        "context.",
    ),
    (
        "Mostly true",
        "mostly-true",
        4,
        "#4d7c0f",
        "The claim is accurate but needs clarification or additional information.",
    ),
    ("True", "true", 5, "#15803d", "The claim is accurate and nothing significant is missing."),
    (
        "Unverifiable",
        "unverifiable",
        None,
        "#4b5563",
        "The available evidence can neither prove nor disprove the claim.",
    ),
    (
        "Not a claim",
        "not-a-claim",
        None,
        "#6b7280",
        "On inspection the statement is an opinion, a prediction or a question, not a checkable "
        "claim.",
    ),
]


def create_default_scale(apps, schema_editor):
    RatingScale = apps.get_model("claims", "RatingScale")
    Rating = apps.get_model("claims", "Rating")
    scale, _ = RatingScale.objects.get_or_create(
        slug=DEFAULT_SCALE["slug"],
        defaults={
            **DEFAULT_SCALE,
            "is_default": not RatingScale.objects.filter(is_default=True).exists(),
        },
    )
    for label, slug, value, colour, description in DEFAULT_RATINGS:
        Rating.objects.get_or_create(
            scale=scale,
            slug=slug,
            defaults={
                "label": label,
                "value": value,
                "colour": colour,
                "description": description,
                "is_verdict": value is not None,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(create_default_scale, migrations.RunPython.noop)]
