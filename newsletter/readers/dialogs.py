"""What a pasted page shows over, inside or after its article that is no part of it: a cookie-consent dialog (its
heading, the purposes it lists, its buttons), a newsletter's sign-up box set between the article's paragraphs, and a
paywall's call to log in or subscribe, which means the paste holds only the article's opening.

A consent dialog's paragraphs are sentences, and on a European site (the IAB's consent framework lists a dozen
purposes, each with a paragraph) they can outnumber a short article's; read as prose, they were taken for it."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.lines import is_byline, is_date_line, is_furniture, is_prose, words_of
from newsletter.readers.words import terms

# A consent dialog's heading: "Consent to Cookies & Data processing", "We value your privacy", "Datenschutz-
# Einstellungen", "Gestion des cookies"
CONSENT_HEADING = regex(
    r"(?i)\b(?:cookies?|consent|your privacy|privacy (?:settings|preferences|choices|cent(?:re|er))|data processing|"
    r"datenschutz\w*|einwilligung|vie privée|consentement|privacidad|consentimiento|privacidade|consentimento|"
    r"riservatezza|consenso|samtykke|samtycke|toestemming)"
)
# Its buttons, a line of nothing else ("Accept All", "SettingsAccept All", "Reject all | Accept"), with one that
# answers it
BUTTON = (
    r"accept(?: all| cookies)?|agree(?: (?:and|&) (?:close|continue))?|i (?:accept|agree)|allow(?: all| cookies)?|"
    r"reject(?: all)?|decline(?: all)?|deny|ok(?:ay)?|got it|settings|manage (?:options|settings|preferences)|"
    r"customi[sz]e|more options|save(?: (?:and|&) exit)?|confirm (?:my )?choices|"
    r"alle akzeptieren|akzeptieren|zustimmen|alle ablehnen|ablehnen|einstellungen|tout accepter|accepter|"
    r"tout refuser|refuser|paramétrer|paramètres|aceptar(?: todo| todas)?|rechazar(?: todo)?|configurar|"
    r"accetta(?: tutto)?|rifiuta(?: tutto)?|impostazioni|alles accepteren|accepteren|weigeren|instellingen|"
    r"aceitar(?: tudo)?|rejeitar|accepter alle|acceptér alle|afvis(?: alle)?|godkänn(?: alla)?|acceptera alla|"
    r"avvisa(?: alla)?|indstillinger|inställningar"
)
CONSENT_BUTTONS = regex(rf"(?i)^(?:\W*(?:{BUTTON}))+\W*$")
ANSWER = regex(
    r"(?i)accept|agree|allow|reject|decline|deny|\bok|got it|akzeptieren|zustimmen|ablehnen|accepter|refuser|"
    r"aceptar|rechazar|accetta|rifiuta|accepteren|weigeren|aceitar|rejeitar|acceptér|afvis|godkänn|acceptera|avvisa"
)
ADDRESSED = regex(r"(?i)\b(?:we|our|us|you|your)\b")  # a dialog speaks to its reader ("your device")
# What a consent dialog's purposes speak of
PURPOSE = regex(
    r"(?i)\b(?:devices?|data|profiles?|personali[sz](?:ed|ation)|advertis\w*|ads|cookies?|identifiers?|geolocation|"
    r"partners|vendors|purposes|measurement|consent|privacy|tracking|browser|legitimate interest)\b"
)
DIALOG_LINES = 30  # a consent dialog's heading, purposes and descriptions, to its buttons
HEADING_WORDS = 10  # ... its heading's


def consent_dialogs(texts: list[str]) -> set[int]:
    """The lines of each consent dialog on the page: from its heading (a short line naming cookies, consent or
    privacy, or a cookie notice's paragraph) to the buttons that answer it, at most DIALOG_LINES lines on, with no
    byline or date between (an article's header), and no paragraph that does not speak to the reader."""
    found: set[int] = set()
    for i, text in enumerate(texts):
        if i in found or not CONSENT_HEADING.search(text) or words_of(text) > HEADING_WORDS and not is_furniture(text):
            continue  # not the dialog's heading or its notice ("we use cookies"): an article's sentence about them
        for j in range(i + 1, min(len(texts), i + DIALOG_LINES + 1)):
            if is_byline(texts[j]) or is_date_line(texts[j]):
                break
            if is_prose(texts[j]) and not (
                is_furniture(texts[j]) or ADDRESSED.search(texts[j]) or PURPOSE.search(texts[j])
            ):
                break  # a purpose's paragraph speaks to the reader ("your device") or of data; an article's not
            if CONSENT_BUTTONS.match(texts[j]) and ANSWER.search(texts[j]):
                found.update(range(i, j + 1))
                break
    return found


# A paywall's line where the article stops: "Please sign up or log in to continue reading", "Subscribe to keep
# reading", "This article is for subscribers only", "Already a subscriber? Log in"
PAYWALL = regex(
    r"(?i)\b(?:sign up|log ?in|sign in|subscribe|register|become a (?:member|subscriber)|start (?:your|a) (?:free )?"
    r"trial)\b.{0,40}\bto (?:continue|keep|finish) reading\b|"
    r"\bto (?:continue|keep) reading\b.{0,40}\b(?:sign up|log ?in|sign in|subscribe|register)\b|"
    r"\b(?:subscribe|sign up|log ?in|sign in|register|join|create an? (?:free )?account)\b.{0,40}\bto (?:read|access|"
    r"unlock|view) (?:the (?:full|whole|rest)|this (?:article|story|content|post)|more|our (?:\w+ ){0,4}content)\b|"
    r"\b(?:this|the) (?:article|story|content) is (?:only |exclusively )?(?:for|available to|reserved for) "
    r"(?:our )?(?:paying )?(?:subscribers|members)\b|"
    r"^\W*(?:already a (?:subscriber|member)\W|subscribers? only\b|exclusive to subscribers\b)|"
    r"\bweiterlesen mit\b|\bjetzt (?:abonnieren|registrieren) und weiterlesen\b|"
    r"\bla suite est réservée aux abonnés\b|\bil vous reste \d+\s*% de l['’]article\b"
)


def paywall(texts: list[str], start: int, end: int) -> int | None:
    """The paywall's first line past the article's first paragraph, in it or a few lines under its last, or
    None."""
    for j in range(start + 1, min(len(texts), end + 6)):
        if PAYWALL.search(texts[j]) and words_of(texts[j]) <= 30:
            return j
    return None


# A newsletter's sign-up box: its heading ("Sign up for the Politics newsletter", "Subscribe to Morning Brief"), a
# line or two of what it sends, and its button or field
SIGN_UP = regex(
    r"(?i)^(?:sign up|subscribe|get|join)\b.{0,60}\bnewsletters?\b|^(?:sign up for|subscribe to)\b|newsletter$"
)
SIGN_UP_BUTTON = regex(
    r"(?i)^\W*(?:sign (?:me )?up|subscribe(?: now)?|submit|join|i'?m in|enter your email(?: address)?|your email"
    r"(?: address)?|email(?: address)?|e-mail|anmelden|abonnieren|s'inscrire|je m'abonne|suscribirse|suscríbete|"
    r"iscriviti|inschrijven)\W*$"
)
PROMO_LINES = 3  # what the box says it sends, between its heading and its button
PROMO_WORDS = 40  # ... each line of it at most


def sign_up_boxes(lines: list[str], roles: list[str]) -> set[int]:
    """The lines of each newsletter sign-up box set between the article's paragraphs: its heading, then (with its
    button) at most PROMO_LINES short lines of what it sends and the button, and any small print; with a paragraph
    right above it and the article going on right under it, about what the paragraphs above are about. Under the
    article's last paragraph such a heading still ends it."""
    found: set[int] = set()
    for i, text in enumerate(lines):
        if roles[i] != "end" or not SIGN_UP.search(text) or "prose" not in roles[max(0, i - 2) : i]:
            continue
        last = i
        for j in range(i + 1, min(len(lines), i + PROMO_LINES + 2)):
            if words_of(lines[j]) > PROMO_WORDS or roles[j] not in ("prose", "other", "furniture"):
                break
            if SIGN_UP_BUTTON.match(lines[j]):
                last = j
                break
        while last + 1 < len(lines) and roles[last + 1] == "furniture" and last - i <= PROMO_LINES + 2:
            last += 1  # "By signing up you agree to our Terms of Use"
        below = [k for k in range(last + 1, min(len(lines), last + 3)) if roles[k] == "prose"]
        if not below or below[0] != last + 1:
            continue
        above = [lines[k] for k in range(max(0, i - 6), i) if roles[k] == "prose"]
        after = terms(" ".join(lines[k] for k in below))
        if len(after & terms(" ".join(above))) >= ABOUT_THE_SAME * len(after):
            found.update(range(i, last + 1))
    return found


ABOUT_THE_SAME = 0.25  # share of the words of the paragraphs under the box that the paragraphs above it hold
