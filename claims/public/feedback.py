"""Readers answering back: "suggest a claim" and "report an error" forms, and the About page.

The forms are guarded against spam without any outside service (`ReaderForm`): a field people
never see and robots fill, a signed time that says when the form was shown (a message sent
within seconds of it, or hours after it, is refused), a cap on links, and a cap on messages from
one address an hour (`FACTCHECK_READER_MESSAGES_PER_HOUR`). A robot that fills the hidden field
is thanked like a person, and nothing is stored.
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from rest_framework.throttling import BaseThrottle

from ..feedback.models import DeskProfile, ReaderMessage
from ..feedback.services import message_send
from ..models import Claim
from .markdown import render_markdown

SALT = "claims.public.feedback"
# A person reads the form before sending it; a robot sends it at once.
MIN_SECONDS = 3
MAX_SECONDS = 4 * 3600
MAX_LINKS = 3
EXPIRED = _("This form has expired. Please send it again.")


def form_token(now: float | None = None) -> str:
    """The signed time at which a form is shown."""
    return signing.dumps(int(time.time() if now is None else now), salt=SALT)


class SpamRefused(Exception):
    """A message a robot sent: thanked, never stored."""


class ReaderForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    link = forms.URLField(label=_("Link (optional)"), max_length=1000, required=False)
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        required=False,
        help_text=_("Only if you want an answer. We never publish it."),
    )
    # The trap: hidden by the stylesheet and from assistive technology; people leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown = forms.CharField(widget=forms.HiddenInput)

    def clean_shown(self) -> int:
        try:
            shown = int(signing.loads(self.cleaned_data["shown"], salt=SALT))
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise forms.ValidationError(EXPIRED, code="expired") from error
        age = time.time() - shown
        if age > MAX_SECONDS:
            raise forms.ValidationError(EXPIRED, code="expired")
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("That was quick: please read your message again, then send it."), code="fast"
            )
        return shown

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if text.count("http://") + text.count("https://") > MAX_LINKS:
            raise forms.ValidationError(
                _("Please include at most %(count)d links.") % {"count": MAX_LINKS}, code="links"
            )
        return text

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


def _client_key(request: HttpRequest) -> str:
    # The client's address by the API's rule: X-Forwarded-For believed only as far as the
    # site's own proxies wrote it (FACTCHECK_TRUSTED_PROXIES).
    return f"reader-messages:{BaseThrottle().get_ident(request)}"


def _over_limit(request: HttpRequest) -> bool:
    """Counts this message against the address's hour; True past the limit."""
    key = _client_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=3600)
        sent = 1
    return sent > settings.FACTCHECK_READER_MESSAGES_PER_HOUR


def _contact(request: HttpRequest, kind: str, claim: Claim | None) -> HttpResponse:
    if request.method == "POST":
        form = ReaderForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(reverse("claims:contact_thanks"))
        if form.is_valid():
            if _over_limit(request):
                form.add_error(
                    None, gettext("Too many messages from your address this hour. Try later.")
                )
                return _form_page(request, form, kind, claim, status=429)
            data = form.cleaned_data
            message_send(
                kind=kind,
                text=data["text"],
                link=data["link"],
                claim=claim,
                name=data["name"],
                email=data["email"],
            )
            return HttpResponseRedirect(reverse("claims:contact_thanks"))
        return _form_page(request, form, kind, claim, status=400)
    form = ReaderForm(initial={"shown": form_token()})
    return _form_page(request, form, kind, claim)


def _form_page(
    request: HttpRequest, form: ReaderForm, kind: str, claim: Claim | None, status: int = 200
) -> HttpResponse:
    if form.is_bound:
        form.data = form.data.copy()
        form.data["shown"] = form_token()  # a fresh time for the next try
    context = {"form": form, "kind": kind, "claim": claim}
    return render(request, "claims/contact.html", context, status=status)


@never_cache
def suggest_claim(request: HttpRequest) -> HttpResponse:
    """A claim a reader wants checked."""
    return _contact(request, ReaderMessage.Kind.CLAIM, None)


@never_cache
def report_error(request: HttpRequest, slug: str) -> HttpResponse:
    """An error a reader found in a published fact-check."""
    claim = Claim.objects.public().filter(slug=slug).first()
    if claim is None:
        raise Http404(gettext("No such fact-check."))
    return _contact(request, ReaderMessage.Kind.ERROR, claim)


@never_cache
def report_error_anywhere(request: HttpRequest) -> HttpResponse:
    """An error a reader found anywhere on the site."""
    return _contact(request, ReaderMessage.Kind.ERROR, None)


def contact_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "claims/contact_thanks.html")


def about(request: HttpRequest) -> HttpResponse:
    """Who the desk is: organisation, funding, team, corrections policy (edited in the admin)."""
    profile = DeskProfile.current()
    sections = [
        (gettext("Who we are"), profile.about),
        (gettext("Funding"), profile.funding),
        (gettext("Our team"), profile.team),
        (gettext("Corrections policy"), profile.corrections_policy),
    ]
    context = {
        "profile": profile,
        "sections": [(title, render_markdown(text)) for title, text in sections if text.strip()],
    }
    return render(request, "claims/about.html", context)
