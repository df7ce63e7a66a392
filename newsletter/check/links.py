"""Every link in the email goes somewhere a reader can open, and says where."""

from __future__ import annotations

from urllib.parse import urlsplit

from .findings import Finding, Level, shown
from .page import Link, Page, StoryIndex

VAGUE_LINK_TEXT = {
    "click here", "click", "here", "read more", "read", "more", "learn more", "link", "this", "this link",
    "continue", "continue reading", "go", "see more", "find out more", "details", "more info", "full story",
    "read the full story", "read the story", "view", "open",
}  # fmt: skip
# The same in the languages with built-in words (words.BUILT_IN), by base language: an issue is checked against
# English and its own (an editor writes "cliquez ici" in a French issue, and may paste "click here" from anywhere).
VAGUE_IN = {
    "fr": {
        "cliquez ici", "cliquer ici", "cliquez", "ici", "lire la suite", "la suite", "suite", "lire plus",
        "en savoir plus", "plus", "lire", "voir", "voir plus", "lien", "ce lien", "continuer", "continuer la lecture",
        "détails", "plus d'infos", "plus d'informations", "lire l'article", "lire l'article complet",
        "l'article complet", "ouvrir",
    },
    "de": {
        "hier klicken", "klicken sie hier", "klick hier", "hier", "klicken", "mehr", "weiterlesen", "weiter",
        "mehr lesen", "mehr erfahren", "mehr dazu", "mehr infos", "mehr informationen", "lesen", "link", "dieser link",
        "details", "zum artikel", "artikel lesen", "ganzen artikel lesen", "hier lesen", "ansehen", "öffnen",
    },
    "es": {
        "haga clic aquí", "haz clic aquí", "clic aquí", "pulse aquí", "pincha aquí", "haga clic", "haz clic", "aquí",
        "leer más", "más", "ver más", "seguir leyendo", "continuar leyendo", "leer", "ver", "más información",
        "saber más", "enlace", "este enlace", "continuar", "detalles", "leer el artículo", "leer el artículo completo",
        "abrir",
    },
}  # fmt: skip


def check_links(page: Page, stories: StoryIndex, html_name: str, language: str = "en") -> list[Finding]:
    """Each link's address and words; `language`: the issue's, whose vague words ("cliquez ici") are known too."""
    from newsletter.words import base_language

    vague = VAGUE_LINK_TEXT | VAGUE_IN.get(base_language(language), set())
    findings = []
    for link in page.links:
        href = (link.href or "").strip()
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        label = link.name[:40]

        def add(level: Level, message: str, link: Link = link, href: str = href) -> None:
            findings.append(stories.finding(level, "links", message, href, html_name, link.line))

        if not href or href.startswith("#"):
            add("error", f"link {label!r} goes nowhere: give it a full https:// address")
        elif scheme in ("http", "https"):
            if not parts.netloc:
                add("error", f"link {shown(href)!r} has no host: write the full address")
        elif scheme == "mailto":
            if not parts.path.strip():
                add("error", f"link {label!r} is a mailto: with no address: add the address")
        elif scheme:
            add("error", f"link {shown(href)!r} is not http, https or mailto: readers cannot open it; replace it")
        else:
            add(
                "error",
                f"link {shown(href)!r} is relative and breaks in an inbox: write the full https:// "
                "address, or set brand.web_base_url",
            )
        name = link.name
        if not name:
            add(
                "warning",
                f"link to {shown(href)!r} has no text: screen readers read out the address; give it "
                "words, or alt text on its image",
            )
        elif is_vague(name, vague) and (not link.title or is_vague(link.title, vague)):
            add(
                "warning",
                f"link text {name!r} says nothing out of context (screen readers list links alone): "
                "name what it opens, e.g. the story's headline",
            )
    return findings


def is_vague(text: str, vague: set[str] = VAGUE_LINK_TEXT) -> bool:
    """Whether the link's words are one of `vague`, whatever its case, spacing, closing arrow or punctuation."""
    return " ".join(text.split()).strip(" .:!?¡¿→»«›‹>…-").lower().replace("’", "'") in vague
