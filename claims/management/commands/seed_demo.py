"""Load the demo desk: every article in seeds/, the curated claims of those that have a
`<name>.desk.json` beside them, and one demo user per role.

Idempotent: a second run finds everything already there and changes nothing. Every write goes
through `claims.services`, so the demo obeys the same rules as the desk.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims import services
from claims.enums import ClaimStatus, Role, Transition
from claims.imports.articles import ArticleError
from claims.imports.importing import read_article_file
from claims.models import Claim, Rating, Source, Speaker, Statement, Topic
from claims.rules import WorkflowError, corrections_need_editor

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"

# username -> (password, roles, superuser). Known passwords: only ever created with DEBUG on.
DEMO_USERS: dict[str, tuple[str, list[str], bool]] = {
    "admin": ("admin-demo", [], True),
    "editor": ("editor-demo", [Role.EDITOR], False),
    "factchecker": ("factchecker-demo", [Role.FACT_CHECKER], False),
    "reviewer": ("reviewer-demo", [Role.REVIEWER], False),
}

# Where the demo users' notification e-mails go: a domain reserved for examples.
DEMO_EMAIL_DOMAIN = "example.org"

# The steps that bring a new claim to each status, in order.
_RESEARCHING = [Transition.SELECT, Transition.ASSIGN]
PATH_TO_STATUS: dict[str, list[str]] = {
    ClaimStatus.NEW: [],
    ClaimStatus.SELECTED: [Transition.SELECT],
    ClaimStatus.DISMISSED: [Transition.DISMISS],
    ClaimStatus.RESEARCHING: _RESEARCHING,
    ClaimStatus.IN_REVIEW: [*_RESEARCHING, Transition.SUBMIT],
    ClaimStatus.PUBLISHED: [*_RESEARCHING, Transition.SUBMIT, "approve", Transition.PUBLISH],
}


class Command(BaseCommand):
    help = "Load the demo desk (seed articles, curated claims, demo users). Needs DEBUG on."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--seeds-dir", type=Path, default=SEEDS_DIR, help="Folder of seed articles."
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT") or 8000),
            help="The port the desk is served on, for the address printed at the end "
            "(default: $PORT, else 8000; `make run` passes its PORT).",
        )

    def handle(self, *args: Any, seeds_dir: Path, port: int, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates demo users with published passwords, so it runs only with "
                "DEBUG on."
            )
        if not seeds_dir.is_dir():
            raise CommandError(f"No seeds folder at {seeds_dir}.")
        try:
            with transaction.atomic():
                users = self.ensure_users()
                self.counts = dict.fromkeys(["sources", "speakers", "statements", "claims"], 0)
                for path in sorted(seeds_dir.glob("*.txt")):
                    desk_path = path.with_suffix(".desk.json")
                    desk = json.loads(desk_path.read_text("utf-8")) if desk_path.exists() else {}
                    source = self.load_article(path, desk["source"] if desk else {})
                    if desk:
                        self.load_desk(source, desk, users)
        except (ValidationError, WorkflowError, ValueError, KeyError) as error:
            raise CommandError(f"Seed data refused, nothing was stored: {error}") from error
        created = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo desk ready (new this run: {created})."))
        self.stdout.write(f"Log in at http://127.0.0.1:{port}/admin/ as:")
        for username, (password, roles, superuser) in DEMO_USERS.items():
            role = "superuser" if superuser else ", ".join(roles)
            self.stdout.write(
                f"  {username:12} password {password:18} {username}@{DEMO_EMAIL_DOMAIN:14} ({role})"
            )

    def ensure_users(self) -> dict[str, Any]:
        User = get_user_model()
        users = {}
        for username, (password, roles, superuser) in DEMO_USERS.items():
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username,
                    password=password,
                    is_staff=True,
                    is_superuser=superuser,
                    first_name=username.capitalize(),
                    last_name="Demo",
                    email=f"{username}@{DEMO_EMAIL_DOMAIN}",
                )
                user.groups.set(Group.objects.filter(name__in=roles))
            elif not user.email:
                # Desks seeded before the demo users had addresses get them now.
                user.email = f"{username}@{DEMO_EMAIL_DOMAIN}"
                user.save(update_fields=["email"])
            users[username] = user
        return users

    def load_article(self, path: Path, meta: dict[str, str]) -> Source:
        # Read as `import_source` reads it: the same checks, and the leading
        # `date YYYY-MM-DD Title` line gives the date and title (claims.imports.importing).
        try:
            article = read_article_file(path, max_bytes=settings.FACTCHECK_MAX_ARTICLE_BYTES)
        except ArticleError as error:
            raise CommandError(str(error)) from None
        source, created = services.source_import_article(
            article=article,
            url=meta.get("url", ""),
            publisher=meta.get("publisher", ""),
            language=meta.get("language", ""),
            kind=meta.get("kind", ""),
        )
        self.counts["sources"] += created
        return source

    def load_desk(self, source: Source, desk: dict[str, Any], users: dict[str, Any]) -> None:
        speakers = {}
        for spec in desk["speakers"]:
            speaker, created = services.speaker_get_or_create(**spec)
            speakers[speaker.name] = speaker
            self.counts["speakers"] += created
        evidence_sources = {}
        for spec in desk.get("evidence_sources", []):
            fields = {k: v for k, v in spec.items() if k != "key"}
            if "published_at" in fields:
                fields["published_at"] = datetime.datetime.fromisoformat(fields["published_at"])
            evidence_sources[spec["key"]], created = services.source_import(**fields)
            self.counts["sources"] += created
        statements = {}
        for spec in desk["statements"]:
            statements[spec["key"]] = self.ensure_statement(source, spec, speakers)
        for spec in desk["claims"]:
            if Claim.objects.filter(slug=spec["slug"]).exists():
                continue
            self.create_claim(spec, statements[spec["statement"]], evidence_sources, users)
            self.counts["claims"] += 1

    def ensure_statement(
        self, source: Source, spec: dict, speakers: dict[str, Speaker]
    ) -> Statement:
        existing = Statement.objects.filter(
            source=source, start=spec["start"], end=spec["end"]
        ).first()
        if existing is not None:
            return existing
        self.counts["statements"] += 1
        reported = spec.get("reported_speaker")
        said_on = spec.get("said_on")
        return services.statement_create(
            source=source,
            speaker=speakers[spec["speaker"]],
            reported_speaker=speakers[reported] if reported else None,
            quote=spec["quote"],
            start=spec["start"],
            end=spec["end"],
            speech=spec["speech"],
            said_where=spec.get("said_where", ""),
            said_on=datetime.date.fromisoformat(said_on) if said_on else None,
        )

    def create_claim(
        self,
        spec: dict,
        statement: Statement,
        evidence_sources: dict[str, Source],
        users: dict[str, Any],
    ) -> Claim:
        editor, checker, reviewer = users["editor"], users["factchecker"], users["reviewer"]
        topics = [
            Topic.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0]
            for name in spec.get("topics", [])
        ]
        claim = services.claim_create(
            statement=statement,
            text=spec["text"],
            slug=spec["slug"],
            by=editor,
            topics=topics,
            checkworthiness=spec.get("checkworthiness"),
            context_note=spec.get("context_note", ""),
        )
        review = None
        for step in PATH_TO_STATUS[spec["status"]]:
            if step == Transition.SUBMIT:
                for item in spec.get("evidence", []):
                    services.evidence_add(
                        claim=claim,
                        source=evidence_sources[item["source"]],
                        relation=item["relation"],
                        excerpt=item.get("excerpt", ""),
                        note=item.get("note", ""),
                        by=checker,
                    )
                written = spec["review"]
                review = services.review_create(
                    claim=claim,
                    author=checker,
                    rating=Rating.objects.get(scale__is_default=True, slug=written["rating"]),
                    summary=written["summary"],
                    analysis=written["analysis"],
                )
            if step == "approve":
                services.review_approve(review=review, by=reviewer, comment="Checked the sources.")
                continue
            services.claim_transition(
                claim=claim,
                transition=step,
                by=editor if step != Transition.SUBMIT else checker,
                reason=spec.get("dismissal_reason", ""),
                assignee=checker if step == Transition.ASSIGN else None,
            )
        if "correction" in spec:
            self.correct(claim, spec["correction"], checker, reviewer, editor)
        if claim.status != spec["status"]:
            raise ValueError(f"claim {spec['slug']} ended {claim.status}, not {spec['status']}")
        return claim

    def correct(self, claim: Claim, spec: dict, checker, reviewer, editor) -> None:
        """A correction of the published verdict, through the same sign-off and, where the
        desk's corrections wait for an editor, published by the editor."""
        correction = services.review_create(
            claim=claim,
            author=checker,
            rating=Rating.objects.get(scale__is_default=True, slug=spec["rating"]),
            summary=spec["summary"],
            analysis=spec["analysis"],
            correction_kind=spec["kind"],
            public_note=spec["public_note"],
        )
        services.review_submit_correction(review=correction, by=checker)
        services.review_approve(review=correction, by=reviewer, comment="Checked the dates.")
        if corrections_need_editor():
            services.correction_publish(review=correction, by=editor)
