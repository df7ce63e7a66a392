"""Pull quotes: right or none. A quotation becomes a pull quote only when a name (or title and name) and a speech
verb stand beside it in the same sentence; every other sentence below must give no pull quote at all."""

import pytest

from newsletter.readers.quotes import find_quote

CASES = [
    # (paragraph, the attribution a pull quote must carry, or None: no pull quote)
    (
        "“Ukraine will keep trying to get permission to use longer-range weapons but will abide by Western terms,” so "
        "that they don’t jeopardize further aid, says Eurasia Group’s Russia expert Alex Brideau.",
        "Eurasia Group’s Russia expert Alex Brideau",
    ),
    # Semafor: the name before "told", never the clause of the next sentence
    (
        "“We are feeling very confident,” AFL-CIO President Liz Shuler told Semafor. Schuler, who spoke at the union’s "
        "convention, said she detected a surge in energy among women voters.",
        "AFL-CIO President Liz Shuler",
    ),
    (
        "“This is a turning point for the region and its people,” said Maria Lopez, a senior analyst at the Example "
        "Institute.",
        "Maria Lopez",
    ),
    (
        "Prime Minister Mark Carney said: “We will not accept tariffs on Canadian steel, full stop.”",
        "Prime Minister Mark Carney",
    ),
    ("According to Jane Doe, “The numbers simply do not add up for the coalition.”", "Jane Doe"),
    ("“It is far too early to call the race in Pennsylvania,” Smith said.", "Smith"),
    (
        "“We are being asked to do more with less, and there is very little left to cut,” said Igor Sokolov, "
        "the deputy governor of the Kurgan region.",
        "Igor Sokolov",
    ),
    (
        "“The ceasefire will hold only if both sides see a gain in it,” UN envoy Rosa Ortega warned on Monday.",
        "UN envoy Rosa Ortega",
    ),
    # A pronoun, a common noun, a later sentence or no speech verb: no pull quote
    ("“We are feeling very confident about the vote,” she said. Then Shuler left the stage.", None),
    ("“This is a turning point for the region and its people,” officials said on Monday.", None),
    ("“The numbers simply do not add up for the coalition,” the minister said.", None),
    ("“The numbers simply do not add up for the coalition,” said Monday’s report by the ministry.", None),
    (
        "The report called it “a disaster for everyone involved in the talks.” Analysts said the talks would go on.",
        None,
    ),
    ("“We will win this election in the first round,” the candidate told supporters, adding that Smith said so.", None),
    ("“A quotation with nobody named anywhere near it at all,” read the banner over the stage.", None),
    ("He said the plan was “a historic step for the country and its neighbours” and left.", None),
    ("“Too short,” Smith said.", None),
]


@pytest.mark.parametrize(("paragraph", "attribution"), CASES)
def test_a_pull_quote_is_made_only_with_a_certain_speaker(paragraph, attribution):
    quote = find_quote(paragraph)
    assert (quote.attribution if quote else None) == attribution


def test_the_quote_is_the_words_inside_the_marks_ending_in_a_full_stop():
    quote = find_quote("“We are feeling very confident,” AFL-CIO President Liz Shuler told Semafor.")
    assert quote.text == "We are feeling very confident."


@pytest.mark.parametrize(
    ("paragraph", "attribution"),
    [
        # an initial's full stop does not end the sentence
        (
            "“We believe that justice has been served in this case and in this court,” said U.S. Attorney Nealy Cox.",
            "U.S. Attorney Nealy Cox",
        ),
        # a fragment quoted inside a sentence is not a pull quote, however certain its speaker
        ("Apple was “pulled into the enterprise,” CEO Tim Cook said Tuesday in a fireside chat.", None),
        ("Some people carry two phones, and “we love you for that,” Cook said, most do not.", None),
        # but a speaker and verb right before a quotation make it the speaker's whole statement
        ("According to Jane Doe, “the numbers simply do not add up for the coalition.”", "Jane Doe"),
    ],
)
def test_initials_and_fragments(paragraph, attribution):
    quote = find_quote(paragraph)
    assert (quote.attribution if quote else None) == attribution
