"""body_html: escaped text, clickable links, marked mentions, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chat.rendering import mentioned_usernames, render_body
from tests.chat.markup import elements, is_inert


def test_it_makes_links_clickable_with_nofollow_noopener():
    html = render_body("Infos: https://mia.example/kurse?ort=zeitz&tag=mo. Oder www.vhs.example!")
    assert elements(html) == [
        ("a", {"href": "https://mia.example/kurse?ort=zeitz&tag=mo", "rel": "nofollow noopener"}),
        ("a", {"href": "https://www.vhs.example", "rel": "nofollow noopener"}),
    ]
    assert html.endswith("</a>!")


def test_it_marks_only_the_mentions_it_is_given():
    html = render_body("@ada und @bob", mentions={"ada"})
    assert html == "<strong>@ada</strong> und @bob"


def test_it_finds_mentions_once_each_in_order():
    assert mentioned_usernames("@bob, @ada: frag @bob. mail@example.org") == ["bob", "ada"]


def test_it_keeps_line_breaks():
    assert render_body("eins\nzwei") == "eins<br>zwei"


def test_it_escapes_markup_as_text():
    assert render_body("<b>fett</b> & <script>x</script>") == (
        "&lt;b&gt;fett&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    )


@given(st.text(alphabet=st.sampled_from(list("<>\"'&=/:;@ aosjvcript.wh\n")), max_size=80))
def test_it_never_lets_markup_through_whatever_is_typed(body):
    assert is_inert(render_body(body, mentions={"a", "script"}))
