"""No stage drops text it was given: a text past lxml's limit is an error, not an email cut short."""

import pytest

from newsletter.compile import compile_email
from newsletter.errors import RenderError


def test_a_text_past_the_html_parsers_limit_is_an_error_not_a_cut_email():
    mjml = (
        "<mjml><mj-body><mj-section><mj-column><mj-text>"
        + "word " * 2_100_000
        + "</mj-text><mj-text>The footer</mj-text></mj-column></mj-section></mj-body></mjml>"
    )
    with pytest.raises(RenderError) as error:
        compile_email(mjml, "p { color: red; }")
    assert str(error.value) == (
        "the HTML parser (lxml) stopped before the end of the email, which would lose its "
        "end (footer, unsubscribe link): a paragraph is too long for it; shorten the longest "
        "story"
    )


def test_a_long_text_within_the_limit_keeps_the_end():
    mjml = (
        "<mjml><mj-body><mj-section><mj-column><mj-text>"
        + "word " * 200_000
        + "</mj-text><mj-text>The footer</mj-text></mj-column></mj-section></mj-body></mjml>"
    )
    html = compile_email(mjml, "p { color: red; }")
    assert html.count("word ") == 200_000
    assert "The footer" in html
