"""Public, read-only pages: what the desk published, and nothing else.

Unpublished claims answer 404, except to staff who may view claims: they get a preview marked
as a draft, `noindex`, never cached.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from ..enums import PUBLIC_STATUSES, ClaimStatus, EvidenceRelation
from ..models import Claim, Rating, RatingScale
from ..selectors import (
    listed_claims,
    public_corrections,
    public_source,
    public_speaker,
    public_speakers,
    speaker_verdicts,
)
from ..spans import Mark, segments
from ..text import quote_in_context
from . import detail
from .charts import bar_chart
from .forms import ClaimFilterForm, filters_html, kept_filters
from .listing import card_page
from .lookahead_paging import lookahead_page
from .structured_data import claim_review_for, json_for_script

CLAIMS_PER_PAGE = 20


def home(request: HttpRequest) -> HttpResponse:
    latest = card_page(listed_claims().filter(status=ClaimStatus.PUBLISHED), None, 5).object_list
    figures = {
        "published": Claim.objects.published().count(),
        "speakers": public_speakers().count(),
        "corrections": public_corrections().count(),
    }
    return render(request, "claims/home.html", {"latest": latest, "figures": figures})


def claim_list(request: HttpRequest) -> HttpResponse:
    """The published claims, newest first, searched and filtered by `ClaimFilterForm`. Without
    a search or filter, the form is the same on every page: written once per language until
    the public record changes (its lists of topics and verdicts come from it), rather than
    built and written for every uncached page; with one, only the fields the reader filled
    in are written anew (`forms.filters_html`)."""
    kept = kept_filters()
    filtered = bool(request.GET.keys() & ClaimFilterForm.base_fields.keys())
    if filtered:
        form = ClaimFilterForm(request.GET, choices=kept["choices"])
        form.is_valid()  # invalid fields are reported and left out; valid ones still apply
        claims, filters = form.apply(listed_claims()), filters_html(form, kept["fields"])
    else:
        claims, filters = listed_claims(), kept["html"]
    page = card_page(claims, request.GET.get("page"), CLAIMS_PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "query": query.urlencode(),
        "filters": filters,
        # Search and filter results are for readers, not search engines' indexes.
        "filtered": filtered,
    }
    return render(request, "claims/claim_list.html", context)


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A speaker's record, counted over all their published claims, and a page of their claims,
    paged as the claims list is."""
    found = public_speaker(slug)
    if found is None:
        raise Http404("No published claims by this speaker.")
    speaker, claims = found
    verdicts, others = speaker_verdicts(claims)
    page = card_page(claims, request.GET.get("page"), CLAIMS_PER_PAGE)
    canonical = request.path if page.number == 1 else f"{request.path}?page={page.number}"
    context = {
        "speaker": speaker,
        "page": page,
        "verdicts": verdicts,
        "others": others,
        "chart": bar_chart([(v.rating.label, v.rating.colour, v.count) for v in verdicts]),
        "canonical_url": request.build_absolute_uri(canonical),
        "record_summary": "; ".join(f"{v.rating.label}: {v.count}" for v in verdicts if v.count),
    }
    return render(request, "claims/speaker_detail.html", context)


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = public_source(pk)
    if found is None:
        raise Http404("No published claims in this source.")
    source, statements, citing = found
    marks = [Mark(s.start, s.end, "statement", s) for s in statements]
    paragraphs = []
    offset = 0
    for line in source.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        # The whole text only where its licence allows; else each checked passage in its
        # paragraph, enough to read it in context.
        checked = any(s.start < end and s.end > start for s in statements)
        if line.strip() and (source.full_text_public or checked):
            paragraphs.append(segments(source.text, start, end, marks))
    return render(
        request,
        "claims/source_detail.html",
        {"source": source, "statements": statements, "paragraphs": paragraphs, "citing": citing},
    )


def corrections(request: HttpRequest) -> HttpResponse:
    page = lookahead_page(public_corrections(), request.GET.get("page"), CLAIMS_PER_PAGE)
    return render(request, "claims/corrections.html", {"page": page, "entries": page.object_list})


def methodology(request: HttpRequest) -> HttpResponse:
    scales = RatingScale.objects.prefetch_related("ratings").order_by("-is_default", "name")
    return render(request, "claims/methodology.html", {"scales": scales})


def rating_styles(request: HttpRequest) -> HttpResponse:
    """Each rating's badge colour as a class, so pages need no inline style (CSP). Colours are
    #RRGGBB by a database constraint, so nothing else can reach the stylesheet."""
    rules = [
        f".{rating.css_class} {{ background-color: {rating.colour}; color: #fff; }}"
        for rating in Rating.objects.only("pk", "colour").order_by("pk")
    ]
    return HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    can_preview = request.user.is_active and request.user.has_perm("claims.view_claim")
    claim = detail.claim_page(slug, include_drafts=can_preview)
    if claim is None:
        raise Http404("No published claim here.")
    draft = claim.status not in PUBLIC_STATUSES
    statement = claim.statement
    verdict = claim.approved_reviews[0] if claim.approved_reviews else None
    if draft and verdict is None:
        verdict = detail.draft_verdict(claim.pk)
    evidence = {relation: [] for relation in EvidenceRelation.values}
    for item in claim.evidence:
        evidence[item.relation].append(item)
    canonical_url = request.build_absolute_uri(reverse("claims:detail", args=[claim.slug]))
    # The one ClaimReview, when there is a public verdict to mark up.
    review = None
    if not draft:
        review = claim_review_for(
            claim,
            page_url=canonical_url,
            site_url=request.build_absolute_uri("/"),
            bounds=claim.rating_bounds,
        )
    withdrawn = claim.status == ClaimStatus.WITHDRAWN
    if withdrawn:
        # A withdrawn verdict is not shown again, in the page or in what it tells other sites.
        verdict = None
    corrections = claim.corrections
    scale = None
    rating = None if verdict is None else verdict.rating  # a draft's may be missing
    if rating is not None and rating.value is not None:
        bounds = claim.rating_bounds.get(rating.scale_id)
        if bounds is not None:
            worst, best = bounds
            scale = {
                "steps": [value == rating.value for value in range(worst, best + 1)],
                "position": rating.value - worst + 1,
                "size": best - worst + 1,
            }
    context = {
        "claim": claim,
        "draft": draft,
        "withdrawn": withdrawn,
        "withdrawal": claim.withdrawal if withdrawn else None,
        "correction": corrections[0] if corrections and not withdrawn else None,
        "earlier_verdict": (claim.approved_reviews[1] if len(claim.approved_reviews) > 1 else None),
        "scale": scale,
        "byline": detail.byline(claim.pk) if verdict is not None and not draft else None,
        "statement": statement,
        "context": quote_in_context(statement.source.text, statement.start, statement.end),
        "verdict": verdict,
        "evidence": [
            (EvidenceRelation(relation).label, items)
            for relation, items in evidence.items()
            if items
        ],
        "record": claim.record,
        "claim_review_jsonld": None if review is None else json_for_script(review),
        "canonical_url": canonical_url,
    }
    response = render(request, "claims/claim_detail.html", context)
    if draft:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response
