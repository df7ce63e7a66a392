"""What a pasted page shows over, inside or after its article that is no part of it: a cookie-consent dialog (its
heading, the purposes it lists, its buttons), a newsletter's sign-up box set between the article's paragraphs, and a
paywall's call to log in or subscribe, which means the paste holds only the article's opening.

A consent dialog's paragraphs are sentences, and on a European site (the IAB's consent framework lists a dozen
purposes, each with a paragraph) they can outnumber a short article's; read as prose, they were taken for it."""

from __future__ import annotations

from newsletter.patterns import regex
from newsletter.readers.bounds import ADDRESSED, goes_on
from newsletter.readers.lines import BOILERPLATE, is_byline, is_date_line, is_furniture, is_prose, words_of

# A consent dialog's heading, or its notice's opening words: "Consent to Cookies & Data processing", "We value your
# privacy", "This website uses cookies", "Datenschutz-Einstellungen", "Gestion des cookies" (not a question: an
# explainer's headline, "Should you accept cookies?")
CONSENT_HEADING = regex(
    r"(?i)^\W*(?:cookies?|consent|privacy|your privacy|we (?:value|respect|care about) your privacy|"
    r"cookie (?:settings|preferences|consent|policy|notice)|(?:this (?:web)?site|we) uses? cookies|"
    r"manage (?:cookies|consent|privacy)|privacy (?:settings|preferences|choices|cent(?:re|er))|"
    r"your privacy (?:choices|settings)|consent to cookies|datenschutz\S*|cookie-einstellungen|"
    r"wir (?:verwenden|nutzen) cookies|gestion des cookies|paramètres des cookies|(?:nous )?respect(?:ons)? "
    r"(?:de )?votre vie privée|vos choix|tu privacidad|configuración de cookies|la tua privacy|privacyinstellingen|"
    r"samtykke|cookieindstillinger)\b(?!.*\?\s*$)"
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
# What a dialog's paragraphs speak of ("your device", "Ihre Zustimmung", "votre consentement")
PURPOSE = regex(
    r"(?i)\b(?:devices?|data|profiles?|personali[sz](?:ed|ation)|advertis\w*|ads|cookies?|identifiers?|geolocation|"
    r"partners|vendors|purposes|measurement|consent|privacy|tracking|browser|legitimate interest|daten|geräte?n?|"
    r"werbung|personalisiert\w*|profile?n?|partnern?|zwecke|einwilligung|zustimmung|données|appareils?|publicités?|"
    r"personnalisé\w*|partenaires|finalités|consentement)\b"
)
DIALOG_LINES = 30  # a consent dialog's heading, purposes and descriptions, to its buttons
HEADING_WORDS = 6  # ... its heading's, at most
PLAIN_WORDS = 150  # ... and at most this many words of sentences that are no cookie notice of their own


def consent_dialogs(texts: list[str]) -> set[int]:
    """The lines of the consent dialog over the page, pasted before it: from its heading above the page's first
    paragraph (a short line naming cookies, consent or privacy, or a cookie notice's paragraph; no question) to the
    buttons that answer it, at most DIALOG_LINES lines on; with no byline or date between (an article's header),
    every paragraph speaking of data, devices, ads or consent, and few words of sentences in all. (A cookie notice
    under the article is page furniture by its own words; an article about cookies, with "Accept" quoted or the
    site's banner under it, is no dialog.)"""
    for i, text in enumerate(texts):
        if is_prose(text) and not is_furniture(text) and not CONSENT_HEADING.search(text):
            break  # the page's first paragraph: a dialog over the page is pasted before it (or is its own furniture)
        notice = len({word.lower() for word in BOILERPLATE.findall(text)}) >= 2  # "We use cookies on our website"
        if not CONSENT_HEADING.search(text) or words_of(text) > HEADING_WORDS and not notice:
            continue  # not the dialog's heading or its notice: a headline or an article's sentence about them
        plain = 0  # words of the sentences between that are no cookie notice of their own
        for j in range(i + 1, min(len(texts), i + DIALOG_LINES + 1)):
            if is_byline(texts[j]) or is_date_line(texts[j]):
                break
            if is_prose(texts[j]) and not is_furniture(texts[j]):
                if not PURPOSE.search(texts[j]):
                    break  # a purpose's paragraph speaks of data, devices, ads, consent; an article's (mostly) not
                plain += words_of(texts[j])
            if plain > PLAIN_WORDS:
                break
            if CONSENT_BUTTONS.match(texts[j]) and ANSWER.search(texts[j]):
                return set(range(i, j + 1))
    return set()


# A paywall's call where the article stops, the line's own words from its start: "Please sign up or log in to
# continue reading", "Subscribe to keep reading", "Join LeadDev.com for free to access this content", "This article is
# for subscribers only", "Keep reading with a 7-day free trial"; not a sentence that reports one ("Readers will be
# asked to subscribe to continue reading")
CALL = r"(?:please\s+)?(?:sign up|log ?in|sign in|subscribe|register|become a (?:member|subscriber)|start (?:your|a) " \
    r"(?:free )?trial|join \S+(?: for free)?|create an? (?:free )?account)\b"  # fmt: skip
PAYWALL = regex(
    rf"(?i)^\W*{CALL}.{{0,40}}\bto (?:continue|keep|finish) reading\b|"
    r"^\W*to (?:continue|keep) reading\b.{0,40}\b(?:sign up|log ?in|sign in|subscribe|register)\b|"
    rf"^\W*{CALL}.{{0,40}}\bto (?:read|access|unlock|view) "
    r"(?:the (?:full|whole|rest of (?:the|this)) (?:article|story|post)|this (?:article|story|content|post))\b|"
    r"^\W*(?:this|the) (?:article|story|content) is (?:only |exclusively )?(?:for|available to|reserved for) (?:our )?"
    r"(?:paying )?subscribers(?: only)?\W*$|"
    r"^\W*keep reading with a .{0,20}\btrial\b|"
    r"^\W*(?:jetzt )?(?:weiterlesen mit|abonnieren und weiterlesen|registrieren und weiterlesen)\b|"
    r"^\W*la suite est réservée aux abonnés\b|^\W*il vous reste \d+\s*% de l['’]article\b"
)
CALL_WORDS = 25  # a paywall's call is a line or two of this many words at most
GOES_ON = 12  # words: a paragraph under the call that speaks to nobody (not its offer): the article goes on


def paywall(texts: list[str], start: int, end: int) -> int | None:
    """The paywall's first call past the article's first paragraph, in it or a few lines under its last, where the
    article stops (no paragraph of it under the call: a promo in the article's middle is no paywall), or None."""
    for j in range(start + 1, min(len(texts), end + 6)):
        if not PAYWALL.search(texts[j]) or words_of(texts[j]) > CALL_WORDS:
            continue
        if not any(
            is_prose(texts[k]) and words_of(texts[k]) >= GOES_ON and not is_furniture(texts[k])
            and not ADDRESSED.search(texts[k]) and not PAYWALL.search(texts[k])
            for k in range(j + 1, min(len(texts), j + 5))
        ):  # fmt: skip
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
        if goes_on(" ".join(lines[k] for k in below), " ".join(above)):
            found.update(range(i, last + 1))
    return found
