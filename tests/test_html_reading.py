"""The shared HTML readers of the tests (tests/html.py) read pages as a browser would."""

from __future__ import annotations

import pytest

from tests.html import errors_beside, facet_counts, form_data, links, result_count, text_of

FORM = """
<header><form method="post" action="/accounts/logout/"><button>Abmelden</button></form></header>
<main>
  <form method="get"><input name="q" value="suche"></form>
  <form method="post" id="profile">
    <input type="hidden" name="csrfmiddlewaretoken" value="t0k3n">
    <input name="name" value="Caf&eacute; &amp; Co">
    <input type="email" name="email">
    <input type="checkbox" name="topics" value="a" checked>
    <input type="checkbox" name="topics" value="b">
    <input type="checkbox" name="online" checked>
    <input type="radio" name="kind" value="verein">
    <input type="radio" name="kind" value="behoerde" checked>
    <select name="municipality"><option value="">---</option><option value="zeitz">Zeitz</option>
    </select>
    <select name="language"><option value="de">Deutsch</option>
      <option value="uk" selected>Українська</option></select>
    <select name="groups" multiple><option value="x">X</option></select>
    <textarea name="description">
Erste Zeile
zweite &lt;Zeile&gt;</textarea>
    <input name="locked" value="x" disabled>
    <fieldset disabled><input name="in_disabled_fieldset" value="y"></fieldset>
    <input type="file" name="logo">
    <button type="submit" name="action" value="save">Speichern</button>
    <input type="submit" name="other" value="Senden">
  </form>
</main>
"""


def test_it_reads_a_form_as_a_browser_would_submit_it():
    assert form_data(FORM) == {
        "csrfmiddlewaretoken": ["t0k3n"],
        "name": ["Café & Co"],
        "email": [""],
        "topics": ["a"],
        "online": ["on"],
        "kind": ["behoerde"],
        "municipality": [""],
        "language": ["uk"],
        "description": ["Erste Zeile\nzweite <Zeile>"],
    }


def test_it_asks_for_a_selector_when_the_content_holds_several_post_forms():
    page = FORM.replace("</main>", '<form method="post" id="second"></form></main>')

    with pytest.raises(AssertionError, match="2 POST forms"):
        form_data(page)
    assert form_data(page, "#second") == {}


def test_it_reads_listings_by_their_elements_not_their_spelling():
    page = """<main><h2 class="results__count" aria-live="polite">
        12 Akteure gefunden</h2>
      <div><input id="f-topic-a" name="topic" type="checkbox" value="a&amp;b" checked>
        <label for="f-topic-a">Alpha <span aria-label="3 Treffer" class="count">3</span></label>
      </div>
      <input type="checkbox" name="topic" value="c" id="f-topic-c"><label for="f-topic-c">C</label>
      <ul class="errorlist" id="id_email_error"><li>Bitte  eine&nbsp;Adresse.</li></ul>
      <a href="/directory/?a=1&amp;b=2">Weiter</a></main>"""

    assert result_count(page) == 12
    assert facet_counts(page, "topic") == {"a&b": 3}
    assert errors_beside(page, "id_email") == ["Bitte eine Adresse."]
    assert links(page) == ["/directory/?a=1&b=2"]
    assert text_of(page, "label[for=f-topic-a]") == "Alpha 3"
