"""The issue's own words in its language ([brand] language, newsletter.toml's [words]): what a reader of a French,
German or Spanish issue sees in the email, its plain text, the web page, the archive and a paste."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from election_stories import EXAMPLE as ELECTIONS
from election_stories import story

from newsletter.build import build, issue_json, make_issue, render_files
from newsletter.models import Issue
from newsletter.publish import publish
from newsletter.render import prepare, render_paste, render_web
from newsletter.text import display_width
from newsletter.words import BLANK, BUILT_IN, Words

DAY = dt.date(2026, 12, 4)  # a Friday
ENGLISH_WORDS = (
    "View in browser",
    "Unsubscribe",
    "Read the full story",
    "Issue 12",
    "December",
    "More from",
    "Read at",
)


def newsletter(folder: Path, language: str, extra: str = "") -> Path:
    """An issue folder (issue/) and its newsletter.toml in `folder`: a lead with byline and photo, one story of the
    brand's own, one of another site, and a date in the elections calendar."""
    (folder / "newsletter.toml").write_text(
        "[brand]\n"
        'name = "La Lettre"\n'
        f'language = "{language}"\n'
        'web_base_url = "https://lettre.example.org/numeros"\n'
        'unsubscribe_url = "https://lettre.example.org/desinscription"\n' + extra,
        encoding="utf-8",
    )
    issue = folder / "issue"
    issue.mkdir()
    (issue / "issue.toml").write_text('number = 12\ncontents = true\nlead = "01-lead.md"\n')
    (issue / "01-lead.md").write_text(
        "---\nheadline: Le budget passe en première lecture\nurl: https://lettre.example.org/2026/12/budget\n"
        "byline: Ana Ruiz\nimage:\n  src: https://lettre.example.org/img/hemicycle.jpg\n  alt: L’hémicycle\n"
        "  width: 1200\n  height: 800\ncaption: L’hémicycle, mardi soir.\ncredit: AFP\n---\n\n"
        "Les députés ont adopté le texte par 289 voix contre 250.\n\nLe Sénat l’examinera en janvier.\n",
        encoding="utf-8",
    )
    (issue / "02-own.md").write_text(
        "---\nheadline: Ce que change la réforme des retraites\nurl: https://lettre.example.org/2026/12/retraites\n"
        "teaser: Les questions de nos lecteurs.\n---\n",
        encoding="utf-8",
    )
    (issue / "03-other.md").write_text(
        "---\nheadline: Berlin tightens its debt brake\nurl: https://apnews.com/article/debt-brake\n"
        "teaser: The coalition agreed on Thursday.\n---\n\nThe coalition agreed on Thursday to loosen the brake.\n",
        encoding="utf-8",
    )
    (issue / "calendar.csv").write_text("date,country,election\n2026-12-06,France,Législatives partielles\n")
    return issue


def outputs(folder: Path, language: str, extra: str = "") -> tuple[Issue, dict[str, str]]:
    issue = newsletter(folder, language, extra)
    made = make_issue(issue, date=DAY, config=folder / "newsletter.toml")
    return made.issue, {name: data.decode() for name, data in render_files(made).items() if name.endswith(("l", "t"))}


def seen(html: str) -> str:
    """The text of the page's body as a reader sees it, each run of spaces and line ends one space (a no-break
    space is kept)."""
    page = lxml.html.fromstring(html)
    body = page.find("body") if page.find("body") is not None else page
    return re.sub(r"[ \t\r\n]+", " ", body.text_content()).strip()


def test_a_french_issue_speaks_french_in_the_email_its_text_and_its_web_page(tmp_path):
    issue, files = outputs(tmp_path, "fr")
    email, text, web = seen(files["email.html"]), files["email.txt"], seen(files["web.html"])
    assert "Numéro 12 · vendredi 4 décembre 2026 · Voir dans le navigateur" in email
    for said in (
        "Dans ce numéro",
        "Par Ana Ruiz",
        "Lire l’article complet →",
        "Prochaines élections",
        "dim. 6 déc.",
        "dans 2 jours",
        "Plus de La Lettre",
        "Vu ailleurs",
        "Lire sur apnews.com →",
        "Vous recevez cet e-mail car votre adresse est inscrite à La Lettre. Répondez à cet e-mail pour écrire à la "
        "rédaction. Se désinscrire · Voir dans le navigateur",
    ):
        assert said in email, said
    page = lxml.html.fromstring(files["email.html"])
    labels = page.xpath("//a[@class='nl-button']/@aria-label")
    assert labels == [
        "Lire l’article complet\u00a0: Le budget passe en première lecture"
    ]  # a no-break space, as French
    lines = text.split("\n")
    assert lines[1:3] == [
        "Numéro 12 · vendredi 4 décembre 2026",
        "Voir dans le navigateur\u00a0: https://lettre.example.org/numeros/2026-12-04-issue-12/web.html",
    ]
    for said in (
        "Dans ce numéro\n--------------",
        "Par Ana Ruiz",
        "Photo : L’hémicycle, mardi soir. — AFP",
        "Lire l’article complet [1]",
        "Prochaines élections\n--------------------\n\n* dim. 6 déc. (dans 2 jours) : France, Législatives partielles",
        "Plus de La Lettre\n-----------------",
        "  Lire sur apnews.com",
        "Se désinscrire\u00a0: https://lettre.example.org/desinscription",
    ):
        assert said in text, said
    assert "Numéro 12 · vendredi 4 décembre 2026" in web
    for said in ("Dans ce numéro", "Par Ana Ruiz", "Lire l’article complet →", "Plus de La Lettre", "Vu ailleurs"):
        assert said in web, said
    paste = seen(f"<div>{render_paste(prepare(issue))}</div>")
    assert "Lire l’article complet →" in paste and "Prochaines élections" in paste
    assert "(dans 2 jours)\u00a0: France" in render_paste(prepare(issue))  # the calendar's colon as French writes it
    for output in (email, text, web, paste):
        assert not [word for word in ENGLISH_WORDS if word in output]


@pytest.mark.parametrize(
    ("language", "head", "foot"),
    [
        ("de", "Ausgabe 12 · Freitag, 4. Dezember 2026 · Im Browser ansehen", "Abmelden · Im Browser ansehen"),
        (
            "es",
            "Número 12 · viernes, 4 de diciembre de 2026 · Ver en el navegador",
            "Darse de baja · Ver en el navegador",
        ),
        ("de-AT", "Ausgabe 12 · Freitag, 4. Dezember 2026 · Im Browser ansehen", "Abmelden · Im Browser ansehen"),
    ],
)
def test_a_german_or_spanish_issue_dates_itself_and_says_its_words_in_its_language(tmp_path, language, head, foot):
    _, files = outputs(tmp_path, language)
    email = seen(files["email.html"])
    assert head in email and foot in email
    assert not [word for word in ENGLISH_WORDS if word in email + files["email.txt"]]


def test_a_word_set_in_newsletter_toml_is_said_everywhere_and_brand_more_from_still_wins(tmp_path):
    words = (
        '\nmore_from = "Nos articles"\n\n[words]\nunsubscribe = "Ne plus recevoir La Lettre"\nin_days = "J-{days}"\n'
        'more_from = "Encore plus de {brand}"\n'
    )
    issue, files = outputs(tmp_path, "fr", words)
    email, text = seen(files["email.html"]), files["email.txt"]
    assert "Ne plus recevoir La Lettre · Voir dans le navigateur" in email
    assert "Ne plus recevoir La Lettre\u00a0: https://lettre.example.org/desinscription" in text
    assert "dim. 6 déc.J-2" in email and "(J-2)" in text  # a line break between the two
    assert [section.heading for section in issue.sections] == ["Nos articles", "Vu ailleurs"]
    # What publish renders again, from the build's issue.json, says the same
    again = Issue.model_validate_json(issue_json(issue))
    assert "dim. 6 déc.J-2" in seen(render_web(again))


def test_the_archive_of_a_french_newsletter_is_in_french(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    issue = newsletter(tmp_path, "fr")
    build(issue, out=tmp_path / "build" / "12", date=DAY, config=tmp_path / "newsletter.toml")
    publish(tmp_path / "build", tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    page = (tmp_path / "site" / "2026-12-04-issue-12" / "web.html").read_text("utf-8")
    assert "<title>La Lettre\u00a0: tous les numéros</title>" in index
    said = seen(index)
    for words in ("1 numéro", "Numéro 12 · vendredi 4 décembre 2026", "Suivre les archives dans un lecteur de flux"):
        assert words in said, words
    assert '<nav class="issue-nav" aria-label="Autres numéros">' in page and "Tous les numéros" in seen(page)
    feed = (tmp_path / "site" / "feed.xml").read_text("utf-8")
    assert "<language>fr</language>" in feed or 'xml:lang="fr"' in feed
    assert "Lire l’article complet" in feed


def test_results_and_their_sentences_are_in_the_issues_language(tmp_path):
    block = (
        "\n```results\nturnout: 52.2%\nseats_total: 101\nmajority: 51\nsource: CEC\n"
        "name,share,change,seats\nPAS,50.2%,-2.6,55\nBloc patriotique,24.2%,-3.0,26\n```\n"
    )
    issue = story(tmp_path, block)
    (issue / "issue.toml").write_text('[brand]\nlanguage = "fr"\n')
    files = render_files(make_issue(issue, date=DAY))
    email, text = seen(files["email.html"].decode()), files["email.txt"].decode()
    headers = lxml.html.fromstring(files["email.html"]).xpath("//th[@scope='col']/text()")
    assert headers == ["Nom", "% des voix", "Évol.", "Sièges"]
    for said in ("Participation\u00a0: 52.2%", "en baisse de 2.6 points", "PAS 55 sur 101\u00a0; majorité à 51"):
        assert said in email, said
    assert "Source\u00a0: CEC." in email
    assert re.search(r"^PAS +50.2% +−2.6 +55 ", text, re.M)  # the change in short: its column says what it counts
    assert "Sièges : 101, majorité à 51 (trait │)" in text


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Prochaines élections"), ("de", "Anstehende Wahlen"), ("es", "Próximas elecciones")],
)
def test_the_election_sample_in_each_built_in_language_keeps_its_plain_text_within_72_columns(
    tmp_path, language, heading
):
    """The results tables' columns are titled and their changes said in short, as in English, so that the
    widest table of the sample still fits beside its bars' column."""
    issue = shutil.copytree(ELECTIONS, tmp_path / "issue")
    (issue / "issue.toml").write_text((ELECTIONS / "issue.toml").read_text() + f'\n[brand]\nlanguage = "{language}"\n')
    text = render_files(make_issue(issue, date=dt.date(2026, 11, 24)))["email.txt"].decode()
    assert f"\n{heading}\n" in text
    assert [line for line in text.split("\n") if display_width(line) > 72 and "://" not in line] == []


def test_a_language_without_built_in_words_keeps_english_and_the_build_says_so_once(workdir, cli):
    newsletter(workdir, "it")
    result = cli("build", "issue", "--date", "2026-12-04")
    assert result.exit_code == 0, result.output
    warning = (
        "newsletter.toml:3: language 'it' has no built-in words: all 55 of the issue's own words stay English, such "
        'as view_in_browser = "View in browser"; write them in Italian under [words] in newsletter.toml, or set a '
        "language that has them (de, en, es, fr)"
    )
    assert result.output.count("has no built-in words") == 1
    assert f"  {warning}\n" in result.output
    text = (workdir / "build" / "2026-12-04-issue-12" / "email.txt").read_text("utf-8")
    assert "Issue 12 · venerdì 4 dicembre 2026\nView in browser: " in text  # the words English, the date Italian


def test_every_word_set_leaves_nothing_to_warn_about(workdir, cli):
    words = "\n[words]\n" + "".join(f'{key} = "{field.default}"\n' for key, field in Words.model_fields.items())
    newsletter(workdir, "it", words.replace('"In this issue"', '"In questo numero"'))
    result = cli("build", "issue", "--date", "2026-12-04")
    assert result.exit_code == 0, result.output
    assert "built-in words" not in result.output
    assert "In questo numero" in (workdir / "build" / "2026-12-04-issue-12" / "email.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("words", "error"),
    [
        # A key of [words] is found on its own line: `issue` is line 5, not the [issue] table's line 1
        (
            '[issue]\ncontents = true\n\n[words]\nissue = "N° {number}"\n',
            "error: newsletter.toml:5: unknown key(s) 'issue' (did you mean 'issues'?); known keys: all_issues, ",
        ),
        (
            '[words]\nmore_from = "Plus de {marque}"\n',
            "error: newsletter.toml:2: [words] more_from: {marque} is not a blank this word has (it takes {brand})\n",
        ),
        ('[words]\nunsubscribe = ""\n', "error: newsletter.toml:2: [words] unsubscribe must be words in quotes: unsub"),
    ],
)
def test_a_word_newsletter_toml_cannot_say_is_one_line_naming_its_line(workdir, cli, words, error):
    issue = newsletter(workdir, "fr")
    (workdir / "newsletter.toml").write_text(words, encoding="utf-8")
    result = cli("build", str(issue.name), "--date", "2026-12-04")
    assert result.exit_code == 1
    assert result.output.startswith(error), result.output
    assert "Traceback" not in result.output and len(result.output.strip().split("\n")) == 1


@pytest.mark.parametrize("language", sorted(set(BUILT_IN) - {"en"}))
def test_every_built_in_language_says_every_word_with_the_blanks_of_its_english(language):
    words = BUILT_IN[language]
    assert set(words) == set(Words.model_fields)
    for key, field in Words.model_fields.items():
        assert set(BLANK.findall(words[key])) == set(BLANK.findall(field.default)), key
    Words.model_validate(words)


@pytest.mark.parametrize(
    "language, vague, clear",
    [
        ("fr", "cliquez ici", "le calendrier du Servel"),
        ("fr-CA", "Lire la suite", "la méthode des sondages"),
        ("de", "Hier klicken", "den Wahlkalender"),
        ("es", "haga clic aquí", "el calendario electoral"),
        ("es", "¡Leer más!", "el calendario electoral"),
    ],
)
def test_check_names_vague_link_text_in_the_issues_language(workdir, cli, language, vague, clear):
    """`newsletter check` warns of "click here" in any issue; in a French, German or Spanish one it knows the same in
    that language, and a link that names what it opens, and the issue's own words ("Lire l'article complet"), pass."""
    issue = newsletter(workdir, language)
    lead = issue / "01-lead.md"
    lead.write_text(
        lead.read_text("utf-8")
        + f"\nLe calendrier : [{vague}](https://www.servel.cl/). Voir [{clear}](https://www.servel.cl/calendario).\n",
        encoding="utf-8",
    )
    assert cli("build", "issue", "--date", DAY.isoformat()).exit_code == 0
    result = cli("check")
    vague_lines = [line for line in result.output.splitlines() if "says nothing out of context" in line]
    assert vague_lines == [
        f"warning: issue/01-lead.md:1: link text {vague!r} says nothing out of context (screen readers list links "
        "alone): name what it opens, e.g. the story's headline (Le budget passe en première lecture)"
    ], result.output
