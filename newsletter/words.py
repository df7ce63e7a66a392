"""The issue's own words, those no story wrote ("View in browser", "Unsubscribe", "Read the full story", its dates),
in its language: [brand] language + newsletter.toml's [words] -> Words, and dates in words.

English is Words' defaults, the words every output had before; French, German and Spanish are built in (BUILT_IN)
and any word may be set under [words]. A language with none built in keeps English, and the build says so once
(language_notice). Dates in a language other than English are Babel's (CLDR), which knows most languages; English
dates stay this module's own, the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from .models import Brand, Notice, Source
from .patterns import regex
from .settings import Problem, SettingsFile, Table, read_table

if TYPE_CHECKING:
    from babel import Locale

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BLANK = regex(r"\{(\w*)\}")  # where a word takes a value: "Issue {number}"


class Words(Table):
    """Every word an issue says of itself, in English; [words] in newsletter.toml sets any of them. `{name}` is
    where a value goes, and a word takes only the blanks its English has."""

    # The email's head and foot, the web page's too
    issue_number: str = "Issue {number}"
    view_in_browser: str = "View in browser"
    unsubscribe: str = "Unsubscribe"
    subscribed: str = "You are receiving this because you subscribed to {brand}."
    reply: str = Field("Reply to this email to reach the editors.", description="when the brand has a sender address")
    in_this_issue: str = "In this issue"
    # Stories
    read_full_story: str = "Read the full story"
    read_at: str = Field("Read at {site}", description="another site's story, excerpted")
    byline: str = "By {name}"
    photo: str = Field("Photo", description='the plain text\'s line under a picture: "Photo: caption — credit"')
    colon: str = Field(
        ": ", description='between a label and what it labels ("Turnout: 58%"); French puts a space before it'
    )
    more_from: str = Field(
        "More from {brand}", description="the brand's own stories ([brand] more_from, when set, wins)"
    )
    elsewhere: str = Field("Elsewhere", description="other sites' stories ([brand] elsewhere, when set, wins)")
    # The elections calendar
    elections_ahead: str = "Elections ahead"
    today: str = "today"
    tomorrow: str = "tomorrow"
    in_days: str = "in {days} days"
    # The archive (newsletter publish)
    previous_issue: str = "Previous issue"
    next_issue: str = "Next issue"
    all_issues: str = "All issues"
    more_issues: str = Field("More issues", description="what a screen reader calls the links between issues")
    archive_title: str = "{brand}: all issues"
    archive_description: str = "Every issue of {brand}"
    one_issue: str = "1 issue"
    issues: str = "{count} issues"
    years: str = "Years"
    follow_feed: str = "Follow the archive in a feed reader (Atom)"
    # Results tables
    name_column: str = Field("Name", description="when the block's own header names none")
    party: str = "Party"
    share: str = "Share"
    change: str = "Change"
    votes: str = "Votes"
    seats: str = "Seats"
    seat_change: str = "Seat change"
    elected: str = "elected"
    turnout: str = "Turnout"
    source: str = "Source"
    shares_from_votes: str = "Shares computed from the votes shown"
    rounding: str = "Shares do not add to 100 because of rounding"
    up: str = Field(
        "up {amount} {unit}", description="a change in words, for screen readers and the plain text (without its unit)"
    )
    down: str = "down {amount} {unit}"
    up_short: str = Field("up {amount}", description="the plain text's column of changes, whose title says the unit")
    down_short: str = "down {amount}"
    no_change: str = "no change"
    unit_points: str = "points"
    unit_point: str = "point"
    unit_seats: str = "seats"
    unit_seat: str = "seat"
    list_and: str = Field("and", description='"A, B and C"')
    majority_mark: str = Field("majority {majority}", description="the mark on the parliament bar")
    majority_alone: str = "{party} {seats} of {total}; majority {majority}"
    majority_together: str = "No party has a majority alone; {parties} together {seats} of {total}; majority {majority}"
    no_majority: str = (
        "No party or group in the table reaches the majority: {seats} of {total} seats; majority {majority}"
    )
    parliament: str = Field(
        "{parties} of {total} seats; majority {majority}", description="the parliament bar, for screen readers"
    )
    seats_majority: str = Field("Seats: {total}, majority {majority} (at │)", description="the plain text's parliament")

    @field_validator("*", mode="before")
    @classmethod
    def word(cls, value: Any, info: Any) -> str:
        key = info.field_name
        if not isinstance(value, str) or not value.strip():
            raise Problem(f'{key} must be words in quotes: {key} = "..."')
        blanks = set(BLANK.findall(cls.model_fields[key].default))
        for blank in BLANK.findall(value):
            if blank not in blanks:
                takes = ", ".join(f"{{{name}}}" for name in sorted(blanks)) or "none"
                raise Problem(f"{key}: {{{blank}}} is not a blank this word has (it takes {takes})")
        if re.search(r"[{}]", BLANK.sub("", value)):
            raise Problem(f"{key}: a brace that is not a blank such as {{name}}; leave braces out")
        return value

    def say(self, key: str, **values: object) -> str:
        """The word `key` with its blanks filled in: say("issue_number", number=48) -> "Issue 48"."""
        text: str = getattr(self, key)
        return BLANK.sub(lambda blank: str(values[blank[1]]), text)


ENGLISH = "en"
BUILT_IN: dict[str, dict[str, str]] = {
    ENGLISH: {},
    "fr": {
        "issue_number": "Numéro {number}",
        "view_in_browser": "Voir dans le navigateur",
        "unsubscribe": "Se désinscrire",
        "subscribed": "Vous recevez cet e-mail car votre adresse est inscrite à {brand}.",
        "reply": "Répondez à cet e-mail pour écrire à la rédaction.",
        "in_this_issue": "Dans ce numéro",
        "read_full_story": "Lire l’article complet",
        "read_at": "Lire sur {site}",
        "byline": "Par {name}",
        "photo": "Photo",
        "colon": "\u00a0: ",
        "more_from": "Plus de {brand}",
        "elsewhere": "Vu ailleurs",
        "elections_ahead": "Prochaines élections",
        "today": "aujourd’hui",
        "tomorrow": "demain",
        "in_days": "dans {days} jours",
        "previous_issue": "Numéro précédent",
        "next_issue": "Numéro suivant",
        "all_issues": "Tous les numéros",
        "more_issues": "Autres numéros",
        "archive_title": "{brand}\u00a0: tous les numéros",
        "archive_description": "Tous les numéros de {brand}",
        "one_issue": "1 numéro",
        "issues": "{count} numéros",
        "years": "Années",
        "follow_feed": "Suivre les archives dans un lecteur de flux (Atom)",
        "name_column": "Nom",
        "party": "Parti",
        "share": "% des voix",
        "change": "Évol.",
        "votes": "Voix",
        "seats": "Sièges",
        "seat_change": "Évol. sièges",
        "elected": "élu",
        "turnout": "Participation",
        "source": "Source",
        "shares_from_votes": "Pourcentages calculés à partir des voix indiquées",
        "rounding": "Les pourcentages ne totalisent pas 100 en raison des arrondis",
        "up": "en hausse de {amount} {unit}",
        "down": "en baisse de {amount} {unit}",
        "no_change": "stable",
        "up_short": "+{amount}",
        "down_short": "−{amount}",
        "unit_points": "points",
        "unit_point": "point",
        "unit_seats": "sièges",
        "unit_seat": "siège",
        "list_and": "et",
        "majority_mark": "majorité {majority}",
        "majority_alone": "{party} {seats} sur {total}\u00a0; majorité à {majority}",
        "majority_together": "Aucun parti n’a la majorité seul\u00a0; {parties} ensemble {seats} sur {total}\u00a0; "
        "majorité à {majority}",
        "no_majority": "Aucun parti ni groupe du tableau n’atteint la majorité\u00a0: "
        "{seats} sièges sur {total}\u00a0; majorité à {majority}",
        "parliament": "{parties} sur {total} sièges\u00a0; majorité à {majority}",
        "seats_majority": "Sièges\u00a0: {total}, majorité à {majority} (trait │)",
    },
    "de": {
        "issue_number": "Ausgabe {number}",
        "view_in_browser": "Im Browser ansehen",
        "unsubscribe": "Abmelden",
        "subscribed": "Sie erhalten diese E-Mail, weil Sie {brand} abonniert haben.",
        "reply": "Antworten Sie auf diese E-Mail, um die Redaktion zu erreichen.",
        "in_this_issue": "In dieser Ausgabe",
        "read_full_story": "Ganzen Artikel lesen",
        "read_at": "Weiterlesen bei {site}",
        "byline": "Von {name}",
        "photo": "Foto",
        "colon": ": ",
        "more_from": "Mehr von {brand}",
        "elsewhere": "Aus anderen Medien",
        "elections_ahead": "Anstehende Wahlen",
        "today": "heute",
        "tomorrow": "morgen",
        "in_days": "in {days} Tagen",
        "previous_issue": "Vorherige Ausgabe",
        "next_issue": "Nächste Ausgabe",
        "all_issues": "Alle Ausgaben",
        "more_issues": "Weitere Ausgaben",
        "archive_title": "{brand}: alle Ausgaben",
        "archive_description": "Alle Ausgaben von {brand}",
        "one_issue": "1 Ausgabe",
        "issues": "{count} Ausgaben",
        "years": "Jahre",
        "follow_feed": "Das Archiv im Feedreader abonnieren (Atom)",
        "name_column": "Name",
        "party": "Partei",
        "share": "Anteil",
        "change": "+/−",
        "votes": "Stimmen",
        "seats": "Sitze",
        "seat_change": "Sitze +/−",
        "elected": "gewählt",
        "turnout": "Wahlbeteiligung",
        "source": "Quelle",
        "shares_from_votes": "Anteile aus den angegebenen Stimmen berechnet",
        "rounding": "Die Anteile ergeben wegen Rundung nicht genau 100",
        "up": "plus {amount} {unit}",
        "down": "minus {amount} {unit}",
        "no_change": "unverändert",
        "up_short": "+{amount}",
        "down_short": "−{amount}",
        "unit_points": "Prozentpunkte",
        "unit_point": "Prozentpunkt",
        "unit_seats": "Sitze",
        "unit_seat": "Sitz",
        "list_and": "und",
        "majority_mark": "Mehrheit {majority}",
        "majority_alone": "{party} {seats} von {total}; Mehrheit ab {majority}",
        "majority_together": "Keine Partei hat allein die Mehrheit; {parties} zusammen {seats} von {total}; "
        "Mehrheit ab {majority}",
        "no_majority": "Keine Partei oder Gruppe der Tabelle erreicht die Mehrheit: {seats} von {total} Sitzen; "
        "Mehrheit ab {majority}",
        "parliament": "{parties} von {total} Sitzen; Mehrheit ab {majority}",
        "seats_majority": "Sitze: {total}, Mehrheit ab {majority} (bei │)",
    },
    "es": {
        "issue_number": "Número {number}",
        "view_in_browser": "Ver en el navegador",
        "unsubscribe": "Darse de baja",
        "subscribed": "Recibes este correo porque te suscribiste a {brand}.",
        "reply": "Responde a este correo para escribir a la redacción.",
        "in_this_issue": "En este número",
        "read_full_story": "Leer el artículo completo",
        "read_at": "Leer en {site}",
        "byline": "Por {name}",
        "photo": "Foto",
        "colon": ": ",
        "more_from": "Más de {brand}",
        "elsewhere": "En otros medios",
        "elections_ahead": "Próximas elecciones",
        "today": "hoy",
        "tomorrow": "mañana",
        "in_days": "dentro de {days} días",
        "previous_issue": "Número anterior",
        "next_issue": "Número siguiente",
        "all_issues": "Todos los números",
        "more_issues": "Más números",
        "archive_title": "{brand}: todos los números",
        "archive_description": "Todos los números de {brand}",
        "one_issue": "1 número",
        "issues": "{count} números",
        "years": "Años",
        "follow_feed": "Sigue el archivo en un lector de feeds (Atom)",
        "name_column": "Nombre",
        "party": "Partido",
        "share": "Porcentaje",
        "change": "Dif.",
        "votes": "Votos",
        "seats": "Escaños",
        "seat_change": "Dif. escaños",
        "elected": "elegido",
        "turnout": "Participación",
        "source": "Fuente",
        "shares_from_votes": "Porcentajes calculados a partir de los votos indicados",
        "rounding": "Los porcentajes no suman 100 por el redondeo",
        "up": "sube {amount} {unit}",
        "down": "baja {amount} {unit}",
        "no_change": "sin cambios",
        "up_short": "+{amount}",
        "down_short": "−{amount}",
        "unit_points": "puntos",
        "unit_point": "punto",
        "unit_seats": "escaños",
        "unit_seat": "escaño",
        "list_and": "y",
        "majority_mark": "mayoría {majority}",
        "majority_alone": "{party} {seats} de {total}; mayoría en {majority}",
        "majority_together": "Ningún partido tiene mayoría por sí solo; {parties} suman {seats} de {total}; "
        "mayoría en {majority}",
        "no_majority": "Ningún partido o grupo de la tabla alcanza la mayoría: {seats} de {total} escaños; "
        "mayoría en {majority}",
        "parliament": "{parties} de {total} escaños; mayoría en {majority}",
        "seats_majority": "Escaños: {total}, mayoría en {majority} (en │)",
    },
}


def base_language(language: str) -> str:
    """ "fr-CA" -> "fr": the language whose built-in words a regional variant takes."""
    return language.strip().replace("_", "-").split("-")[0].lower()


def words_for(language: str, overrides: dict[str, str] | None = None) -> Words:
    """The words of an issue in `language`, the editor's `overrides` ([words]) over the built-in ones; a key this
    version does not know (an issue.json another version wrote) is passed over."""
    known = tuple(sorted((key, value) for key, value in (overrides or {}).items() if key in Words.model_fields))
    return resolved_words(base_language(language), known)


@functools.lru_cache(maxsize=16)
def resolved_words(language: str, overrides: tuple[tuple[str, str], ...]) -> Words:
    return Words.model_validate({**BUILT_IN.get(language, {}), **dict(overrides)})


def load_words(file: SettingsFile) -> dict[str, str]:
    """newsletter.toml's [words]: the words the editor set, each checked (a key no word has, a blank the word
    lacks) and named at its line of the table."""
    if not isinstance(file.data.get("words"), dict):
        return {}
    # Lines outside the table blanked: a key is looked up on its own line ([words] issue_number, not [issue])
    lines = file.text.split("\n")
    start = next((n for n, line in enumerate(lines) if re.match(r"\s*\[\s*words\s*\]", line)), None)
    if start is not None:
        end = next((n for n in range(start + 1, len(lines)) if lines[n].lstrip().startswith("[")), len(lines))
        lines = ["" if not start <= n < end else line for n, line in enumerate(lines)]
    table = read_table(file._replace(text="\n".join(lines)), "words", Words)
    return {key: getattr(table, key) for key in sorted(table.model_fields_set)} if table else {}


def language_notice(brand: Brand, overrides: dict[str, str], where: SettingsFile) -> Notice | None:
    """The build's warning when [brand] language (set in `where`) has no built-in words and [words] leaves some
    unset: those stay English. None when every word is in the issue's language."""
    if base_language(brand.language) in BUILT_IN:
        return None
    left = [key for key in Words.model_fields if key not in overrides]
    if not left:
        return None
    example = "view_in_browser" if "view_in_browser" in left else left[0]
    count = f"all {len(left)}" if len(left) == len(Words.model_fields) else str(len(left))
    return Notice(
        message=f"language {brand.language!r} has no built-in words: {count} of the issue's own words stay English, "
        f'such as {example} = "{Words.model_fields[example].default}"; write them{in_language(brand.language)} '
        f"under [words] in newsletter.toml, or set a language that has them ({', '.join(sorted(BUILT_IN))})",
        source=Source(file=str(where.path), line=where.line("language") or 1),
    )


# ---------------------------------------------------------------------------------------------
# Dates


def long_date(day: dt.date, language: str = ENGLISH) -> str:
    """ "Tuesday, 24 November 2026", in `language` ("mardi 24 novembre 2026"); English is not Babel's (which
    writes "Tuesday, November 24, 2026"), so English builds stay as they were."""
    locale = babel_locale(language)
    if locale is None:
        return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, "full", locale=locale)


def short_date(day: dt.date, today: dt.date, language: str = ENGLISH) -> str:
    """`Sun 6 Dec` ("dim. 6 déc."), with the year when it is not `today`'s."""
    locale = babel_locale(language)
    if locale is None:
        year = f" {day.year}" if day.year != today.year else ""
        return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}{year}"
    from babel.dates import format_skeleton

    return format_skeleton("MMMEd" if day.year == today.year else "yMMMEd", day, locale=locale)


def when(days: int, words: Words) -> str:
    """How far ahead, as an editor would say it."""
    if days == 0:
        return words.today
    if days == 1:
        return words.tomorrow
    return words.say("in_days", days=days)


@functools.lru_cache(maxsize=16)
def babel_locale(language: str) -> Locale | None:
    """Babel's locale for `language` ("fr", "de-AT"); None for English, and for a language Babel does not know
    (whose dates stay English, as its words do)."""
    if base_language(language) in ("", ENGLISH):
        return None
    from babel import Locale, UnknownLocaleError

    for tag in (language.strip().replace("-", "_"), base_language(language)):  # "fr_XX": French dates
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


def in_language(language: str) -> str:
    """ "it" -> " in Italian", as the warning says it; "" when Babel does not know the language."""
    locale = babel_locale(language)
    name = locale.get_language_name(ENGLISH) if locale is not None else None
    return f" in {name}" if name else ""
