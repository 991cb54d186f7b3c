"""The editor's workspace on a source, through the admin's URLs (the browser test drives the
mouse and keyboard; these cover the rules and what each request stores)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.models import Claim, Source, Speaker, Statement, SuggestionDecision
from tests.adminforms import form_data
from tests.factories import SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_source(demo_desk):
    return Source.objects.get(publisher="Sputnik")


def workspace(client, source):
    return client.get(reverse("admin:claims_source_workspace", args=[source.pk]))


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_workspace_marks_paragraphs_suggestions_and_statements(client, seed_source):
    client.force_login(_user("editor"))

    page = workspace(client, seed_source).content.decode()

    assert 'class="ws-block ws-noise"' in page
    assert 'class="ws-block ws-heading"' in page
    assert 'class="ws-block ws-repeat"' in page
    assert "ws-cand" in page and 'id="cand-' in page
    assert "ws-stmt" in page
    assert "10 statements made" in page


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_reviewers_see_the_workspace_without_forms(client, seed_source):
    client.force_login(_user("reviewer"))

    page = workspace(client, seed_source).content.decode()

    assert "ws-cand" in page
    assert 'id="ws-new"' not in page and 'id="accept-' not in page


def test_accepting_a_suggestion_makes_its_statement_and_claim(client, seed_source):
    client.force_login(_user("editor"))
    page = workspace(client, seed_source)
    index = page.content.decode().split('id="accept-', 1)[1].split('"', 1)[0]
    data = form_data(page, f"accept-{index}")
    data["speaker"] = data.get("speaker") or "Sergey Lavrov"
    claims_before = Claim.objects.count()

    response = client.post(
        reverse("admin:claims_source_accept", args=[seed_source.pk]), data, follow=True
    )

    assert Claim.objects.count() == claims_before + 1, messages_of(response)
    claim = Claim.objects.latest("id")
    statement = claim.statement
    assert (statement.start, statement.end) == (int(data["start"]), int(data["end"]))
    assert seed_source.text[statement.start : statement.end] == statement.quote
    decision = SuggestionDecision.objects.get(source=seed_source)
    assert (decision.decision, decision.claim) == ("accepted", claim)
    assert f'id="accept-{index}"' not in workspace(client, seed_source).content.decode()


def test_rejecting_a_suggestion_hides_it_and_stores_no_claim(client, seed_source):
    client.force_login(_user("editor"))
    page = workspace(client, seed_source)
    index = page.content.decode().split('id="accept-', 1)[1].split('"', 1)[0]
    data = form_data(page, f"accept-{index}")
    claims_before = Claim.objects.count()

    client.post(reverse("admin:claims_source_reject", args=[seed_source.pk]), data)

    assert Claim.objects.count() == claims_before
    assert SuggestionDecision.objects.get().decision == "rejected"
    page = workspace(client, seed_source).content.decode()
    assert f'id="accept-{index}"' not in page
    assert "1 rejected" in page


def test_a_selected_span_becomes_a_statement_with_several_claims_and_a_new_speaker(client, editor):
    source = Source.objects.create(
        title="Briefing", text='The spokesman said: "Prices fell 3%. Wages rose 2%."'
    )
    start = source.text.index("Prices")
    end = source.text.index('."') + 1
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_source_create_from_span", args=[source.pk]),
        {
            "start": start,
            "end": end,
            "speaker": "Dana Ortiz",
            "alias": "the spokesman",
            "reported_speaker": "",
            "speech": "direct",
            "claims": "Prices fell 3%.\nWages rose 2%.\n",
        },
        follow=True,
    )

    statement = Statement.objects.get()
    assert statement.quote == "Prices fell 3%. Wages rose 2%."
    assert statement.speaker.name == "Dana Ortiz"
    assert statement.speaker.aliases == ["the spokesman"]
    assert list(statement.claims.order_by("id").values_list("text", flat=True)) == [
        "Prices fell 3%.",
        "Wages rose 2%.",
    ]
    assert "Statement saved with 2 claim(s)." in messages_of(response)


def test_an_alias_typed_for_a_known_speaker_is_remembered(client, editor):
    speaker = SpeakerFactory(name="Dana Ortiz", aliases=[])
    source = Source.objects.create(title="B", text="Ortiz said prices fell.")
    client.force_login(editor)

    client.post(
        reverse("admin:claims_source_create_from_span", args=[source.pk]),
        {
            "start": 11,
            "end": 22,
            "speaker": "Dana Ortiz",
            "alias": "Ortiz",
            "speech": "indirect",
            "claims": "Prices fell.",
        },
    )

    speaker.refresh_from_db()
    assert speaker.aliases == ["Ortiz"]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0, 999, "The end (999) is past the end of the article's text, which has 23 characters"),
        (5, 2, "The end (2) is before the start (5)"),
        (5, 5, "The span is empty"),
        (-1, 5, "Start: Ensure this value is greater than or equal to 0"),
    ],
    ids=["past-the-end", "end-before-start", "empty", "negative-start"],
)
def test_a_bad_span_is_refused_saying_why_and_nothing_is_stored(
    client, editor, start, end, message
):
    source = Source.objects.create(title="B", text="Ortiz said prices fell.")
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_source_create_from_span", args=[source.pk]),
        {
            "start": start,
            "end": end,
            "speaker": "Dana Ortiz",
            "speech": "indirect",
            "claims": "Prices fell.",
        },
        follow=True,
    )

    assert message in " ".join(messages_of(response))
    assert not Statement.objects.exists() and not Speaker.objects.exists()
    page = response.content.decode()
    assert response.status_code == 400 and message in page.replace("&#x27;", "'")
    # What the editor typed is still there.
    assert 'name="speaker" value="Dana Ortiz"' in page and "Prices fell.</textarea>" in page
    assert f'name="start" value="{start}"' in page


def test_only_editors_may_write_in_the_workspace(client, fact_checker):
    source = Source.objects.create(title="B", text="Ortiz said prices fell.")
    client.force_login(fact_checker)

    response = client.post(
        reverse("admin:claims_source_create_from_span", args=[source.pk]),
        {"start": 0, "end": 5, "speaker": "X", "speech": "direct", "claims": "Ortiz"},
    )

    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_similar_claims_come_with_their_verdicts(client, seed_source):
    client.force_login(_user("editor"))

    response = client.get(
        reverse("admin:claims_source_similar", args=[seed_source.pk]),
        {"q": "NATO admitted Montenegro, North Macedonia and Albania"},
    )

    best = response.json()["matches"][0]
    assert best["slug"] == "nato-admitted-montenegro-north-macedonia-and-albania"
    assert best["verdict"] == "True"
    assert best["url"].endswith(f"/claims/claim/{best['id']}/change/")
    assert best["reasons"]["languages"] == [seed_source.language, seed_source.language]
    assert "shared: NATO, admitted, Montenegro" in best["why"]


def test_similar_claims_can_be_limited_to_a_language(client, seed_source):
    client.force_login(_user("editor"))
    url = reverse("admin:claims_source_similar", args=[seed_source.pk])
    query = {"q": "NATO admitted Montenegro, North Macedonia and Albania"}

    assert client.get(url, {**query, "language": seed_source.language}).json()["matches"]
    assert client.get(url, {**query, "language": "xx"}).json()["matches"] == []


DOUBT = (
    "Mayor Jo Park spoke on Monday.\n\n"
    '"We hired 300 new teachers in 2023," Park said.\n\n'
    '"The school budget rose by 4% last year, to 80 million pounds."'
)


def _doubtful_card(page: str, source: Source) -> str:
    """The index of the suggestion whose speaker was carried over from a quote before."""
    text = page.split('class="ws-card ws-kind-direct ws-doubt" id="cand-', 1)[1]
    return text.split('"', 1)[0]


def test_a_speaker_found_on_weak_evidence_is_marked_and_its_cue_highlighted(client, editor):
    source = Source.objects.create(title="Schools", text=DOUBT)
    client.force_login(editor)

    page = workspace(client, source).content.decode()

    index = _doubtful_card(page, source)
    assert "to confirm before accepting" in page
    assert f'id="speaker_confirmed-{index}"' in page
    assert re.search(r'class="ws-seg[^"]* ws-cue[^"]*"[^>]*>said</span>', page)
    assert re.search(r'class="ws-seg[^"]* ws-named[^"]*"[^>]*>Park</span>', page)


def test_a_doubtful_speaker_must_be_confirmed_before_accepting(client, editor):
    source = Source.objects.create(title="Schools", text=DOUBT)
    client.force_login(editor)
    page = workspace(client, source)
    index = _doubtful_card(page.content.decode(), source)
    data = form_data(page, f"accept-{index}")
    url = reverse("admin:claims_source_accept", args=[source.pk])

    refused = client.post(url, data, follow=True)

    assert not Claim.objects.exists()
    assert any("weak evidence" in m for m in messages_of(refused))

    accepted = client.post(url, {**data, "speaker_confirmed": "on"}, follow=True)

    claim = Claim.objects.get()
    assert claim.statement.speaker.name == "Jo Park", messages_of(accepted)
    assert "4%" in claim.text


def test_the_workspace_shows_the_suggestions_stored_when_the_source_arrived(client, seed_source):
    from claims.tasks import process_source

    process_source.enqueue(seed_source.pk)
    stored = seed_source.stored_suggestions
    stored.report["candidates"][0]["reasons"] = ["as stored on arrival"]
    stored.save()
    client.force_login(_user("editor"))

    page = workspace(client, seed_source).content.decode()

    assert "as stored on arrival" in page


def test_the_workspace_computes_again_what_another_engine_stored(client, seed_source):
    from claims.tasks import process_source

    process_source.enqueue(seed_source.pk)
    stored = seed_source.stored_suggestions
    stored.report["candidates"][0]["reasons"] = ["as stored on arrival"]
    stored.engine_version = "an older engine"
    stored.save()
    client.force_login(_user("editor"))

    page = workspace(client, seed_source).content.decode()

    assert "as stored on arrival" not in page
    assert "ws-cand" in page


# --- keeping the editor's work --------------------------------------------------------------

JOBS = (
    "WASHINGTON (Newswire) - Unemployment fell to 3.9% in May, the agency said.\n"
    '"We created 250,000 jobs last month," Labor Secretary Dana Ortiz said on Friday. '
    '"Wages grew faster than prices for the first time in two years," she added.\n'
)
FRAGMENT = {"headers": {"X-Workspace-Fragment": "1"}}


@pytest.fixture
def jobs_source(db):
    import datetime

    return Source.objects.create(
        title="Jobs report",
        publisher="Newswire",
        text=JOBS,
        published_at=datetime.datetime(2024, 6, 7, 13, 30, tzinfo=datetime.UTC),
    )


def _first_card(page) -> str:
    return page.content.decode().split('id="accept-', 1)[1].split('"', 1)[0]


def test_the_script_gets_the_workspace_body_alone_with_where_focus_goes(
    client, editor, jobs_source
):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    index = _first_card(page)
    data = form_data(page, f"accept-{index}")

    response = client.post(
        reverse("admin:claims_source_reject", args=[jobs_source.pk]), data, **FRAGMENT
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="ws-body"') and "<html" not in body
    assert "Suggestion rejected." in body and "Undo: bring the suggestion back" in body
    focus = re.search(r'data-focus="([^"]+)"', body).group(1)
    assert focus.startswith("cand-") and focus != f"cand-{index}"
    assert f'id="{focus}"' in body


def test_without_the_script_a_decision_returns_to_the_next_suggestion(client, editor, jobs_source):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    data = form_data(page, f"accept-{_first_card(page)}")
    span = f"{data['candidate_start']}-{data['candidate_end']}"

    response = client.post(reverse("admin:claims_source_reject", args=[jobs_source.pk]), data)

    assert response.status_code == 302
    assert response["Location"].endswith(f"?after={span}&undo={span}#ws-focus")
    page = client.get(response["Location"]).content.decode()
    assert '<span id="ws-focus"></span>' in page
    assert "Undo: bring the suggestion back" in page


def test_a_rejected_suggestion_is_brought_back(client, editor, jobs_source):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    index = _first_card(page)
    data = form_data(page, f"accept-{index}")
    client.post(reverse("admin:claims_source_reject", args=[jobs_source.pk]), data)
    assert f'id="cand-{index}"' not in workspace(client, jobs_source).content.decode()
    decision = {"candidate_start": data["candidate_start"], "candidate_end": data["candidate_end"]}

    response = client.post(
        reverse("admin:claims_source_restore", args=[jobs_source.pk]), decision, **FRAGMENT
    )

    body = response.content.decode()
    assert "Suggestion brought back." in body
    assert f'data-focus="cand-{index}"' in body
    assert not SuggestionDecision.objects.exists()


def test_an_accepted_suggestion_is_not_brought_back(client, editor, jobs_source):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    # "the agency said": a speaker described, not named, which the editor confirms
    data = {**form_data(page, f"accept-{_first_card(page)}"), "speaker_confirmed": "on"}
    client.post(reverse("admin:claims_source_accept", args=[jobs_source.pk]), data)

    response = client.post(
        reverse("admin:claims_source_restore", args=[jobs_source.pk]),
        {"candidate_start": data["candidate_start"], "candidate_end": data["candidate_end"]},
        follow=True,
    )

    assert "That suggestion was not rejected: nothing to undo." in messages_of(response)
    assert SuggestionDecision.objects.get().decision == "accepted"


@pytest.mark.parametrize("data", [{}, {"candidate_start": "x", "candidate_end": "3"}])
def test_an_undo_that_names_no_suggestion_is_refused_plainly(client, editor, jobs_source, data):
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_source_restore", args=[jobs_source.pk]), data, follow=True
    )

    assert response.status_code == 200
    assert "No suggestion was brought back: it was not named right." in messages_of(response)


def test_only_editors_may_bring_a_suggestion_back(client, fact_checker, jobs_source):
    client.force_login(fact_checker)

    response = client.post(
        reverse("admin:claims_source_restore", args=[jobs_source.pk]),
        {"candidate_start": 0, "candidate_end": 5},
    )

    assert response.status_code == 403


def test_a_refused_acceptance_keeps_the_edits_in_its_card(client, editor):
    source = Source.objects.create(title="Schools", text=DOUBT)
    client.force_login(editor)
    page = workspace(client, source)
    index = _doubtful_card(page.content.decode(), source)
    data = form_data(page, f"accept-{index}")
    data.update(claims="The school budget rose by 4% in 2023.", speaker="Mayor Jo Park")

    response = client.post(reverse("admin:claims_source_accept", args=[source.pk]), data)

    body = response.content.decode()
    assert response.status_code == 400
    assert not Claim.objects.exists()
    card = body.split(f'id="cand-{index}"', 1)[1].split("</form>", 1)[0]
    assert "weak evidence" in card
    assert "The school budget rose by 4% in 2023.</textarea>" in card
    assert 'name="speaker" value="Mayor Jo Park"' in card
    assert '<details class="ws-edit" open>' in card


def test_the_speech_kind_and_date_can_be_changed_before_accepting(client, editor, jobs_source):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    data = form_data(page, f"accept-{_first_card(page)}")
    assert data["said_on"] == "2024-06-07"  # the source's publication day, by default
    data.update(speech="indirect", said_on="2024-06-06", speaker=data["speaker"] or "Dana Ortiz")
    data["speaker_confirmed"] = "on"  # "the agency said": a described speaker, confirmed

    client.post(reverse("admin:claims_source_accept", args=[jobs_source.pk]), data)

    statement = Claim.objects.get().statement
    assert statement.speech == "indirect"
    assert statement.said_on.isoformat() == "2024-06-06"


def test_a_statement_from_selected_words_is_dated_the_day_its_source_was_published(
    client, editor, jobs_source
):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    data = form_data(page, "ws-new")
    start = JOBS.index("We created")
    data.update(
        start=start,
        end=start + len("We created 250,000 jobs last month"),
        speaker="Dana Ortiz",
        claims="Dana Ortiz said the economy created 250,000 jobs in May.",
    )

    client.post(reverse("admin:claims_source_create_from_span", args=[jobs_source.pk]), data)

    assert Statement.objects.get().said_on.isoformat() == "2024-06-07"


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [("Newswire", "organization"), ("newswire ", "organization"), ("Dana Ortiz", "person")],
    ids=["outlet", "outlet-as-typed", "person"],
)
def test_the_outlet_is_kept_as_an_organisation(client, editor, jobs_source, speaker, kind):
    client.force_login(editor)
    end = JOBS.index(" the agency said")

    client.post(
        reverse("admin:claims_source_create_from_span", args=[jobs_source.pk]),
        {
            "start": JOBS.index("Unemployment"),
            "end": end,
            "speaker": speaker,
            "speech": "narration",
            "claims": "Unemployment fell to 3.9% in May.",
        },
    )

    assert Statement.objects.get().speaker.kind == kind


def test_the_wording_endpoint_checks_each_line_and_rewords_with_the_speaker(
    client, editor, jobs_source
):
    client.force_login(editor)

    response = client.get(
        reverse("admin:claims_source_wording", args=[jobs_source.pk]),
        {
            "text": "We created 250,000 jobs last month,\nUnemployment fell to 3.9% in May.",
            "speaker": "Dana Ortiz",
            "field": "ws-claims",
        },
    )

    first, second = response.json()["checks"]
    assert [p["code"] for p in first["problems"]] == ["no_full_stop", "first_person"]
    assert first["suggestion"] == "Dana Ortiz created 250,000 jobs last month."
    assert second["problems"] == [] and second["suggestion"] == second["text"]
    html = response.json()["html"]
    assert 'id="ws-claims-wording"' in html and "First person (We)" in html


def test_the_cards_show_the_wording_hint_of_their_claim(client, editor):
    source = Source.objects.create(
        title="Schools", text='"We hired 300 new teachers in 2023," Mayor Jo Park said.'
    )
    client.force_login(editor)

    page = workspace(client, source).content.decode()

    index = _first_card(workspace(client, source))
    hint = page.split(f'id="claims-{index}-wording"', 1)[1].split("</div>", 1)[0]
    assert "First person (We)" in hint
    assert "Jo Park hired 300 new teachers in 2023." in hint


def test_a_speaker_described_rather_than_named_is_to_confirm(client, editor, jobs_source):
    client.force_login(editor)
    page = workspace(client, jobs_source)
    index = _first_card(page)
    data = form_data(page, f"accept-{index}")
    assert data["speaker"] == "the agency"  # "..., the agency said"

    refused = client.post(reverse("admin:claims_source_accept", args=[jobs_source.pk]), data)

    assert refused.status_code == 400  # the card comes back with its error
    assert not Claim.objects.exists()
    assert f'id="speaker_confirmed-{index}"' in page.content.decode()
