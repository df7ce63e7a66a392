"""An empty folder -> a newsletter's home: newsletter.toml with every setting explained, a first issue in issues/,
subscribers.csv with its header, and a .gitignore for what builds and publishing write. Never overwrites."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import OutputError
from .models import Brand, Sender
from .output import write_atomic
from .settings import CONFIG_NAME

SUBSCRIBERS = "subscribers.csv"
GITIGNORE = ".gitignore"


# send/history.py's HISTORY_NAME written out: every build imports this module, and none needs the send package.
GITIGNORE_TEXT = """\
# What `newsletter build` and `publish` write: made again from the issues.
build/
site/
# Subscribers' addresses: the list, and the send history `newsletter send` keeps next to newsletter.toml (with
# the files SQLite and the send lock write beside it). Pushed to a public repository, they publish the list.
# Keep subscribers.csv in a private repository only (git add -f subscribers.csv).
subscribers.csv
newsletter-sends.sqlite3*
"""


class Started:
    """What `newsletter init` did in `folder`. A plain class: a dataclass is made by compiling its methods, which
    every build would pay for this module (it holds the note a build without settings prints)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[Path] = []
        self.kept: list[Path] = []  # there already: left as they were
        self.issue: Path | None = None  # the first issue's folder, when init made one

    def said(self) -> list[str]:
        """What `newsletter init` reports: each file written or kept, then what to do next."""
        lines = [f"wrote {path}" for path in self.written] + [f"kept  {path} (there already)" for path in self.kept]
        where = "" if self.folder == Path(".") else f"cd {self.folder} && "
        issue = f" (edit {self.issue}/ first: replace every TK)" if self.issue else ""
        return [*lines, f"Next: {where}newsletter build{issue}, then `newsletter preview`"]


def settings_text(name: str) -> str:
    """newsletter.toml as init writes it: the brand's name set, every other setting present as a commented
    line with its default, and what it does."""
    from .words import BUILT_IN, Words

    words = "\n".join(
        f"# {key} = {toml_text(field.default)}" + (f"  # {field.description}" if field.description else "")
        for key, field in Words.model_fields.items()
    )
    return f"""\
# newsletter.toml: the settings of every issue. Each line starting with "# key =" shows a setting with its
# default; remove the "# " and change the value to use it. An issue's issue.toml may set [brand] keys too.

[brand]
# The masthead, the From name and the archive's title.
name = {toml_text(name)}
# tagline = ""                          # a line under the name in the masthead, e.g. "Elections, every Tuesday"
# more_from = ""                        # the heading of the brand's own posts (default: "More from <name>")
# elsewhere = ""                        # the heading of other sites' stories (default: "Elsewhere")
# web_base_url = ""                     # where `publish` puts the archive, e.g. "https://news.example.org/issues";
#                                       #   gives "View in browser", image addresses and "Read at" excerpts
# unsubscribe_url = ""                  # an https link that unsubscribes in one click (Gmail and Yahoo want one)
# postal_address = ""                   # your postal address, which the law asks of bulk senders
# reply_to = ""                         # where replies go (default: the sender's address)
# language = "en"                       # the language of the email and web page: lang="...", dates, [words]
# font_family = "Georgia, 'Times New Roman', serif"                             # headlines and text
# sans_family = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"      # the small print

[brand.sender]
# name = ""                             # the From name (default: the brand's name)
# email = "newsletter@example.com"      # the From address: set one you read, `check` warns until you do

[brand.logo]
# src = ""                              # an image file beside this one, or an https:// image (default: the name)
# dark_src = ""                         # the logo shown in dark mode
# alt = ""                              # what the logo says, for images off (default: the brand's name)
# width = 160                           # pixels wide in the email
# height = 80                           # pixels high (default: none, the logo keeps its shape)

[brand.colors]
# text = "#1a1a1a"
# background = "#ffffff"                # the paper the issue is on
# canvas = "#f2f1ed"                    # around the paper
# accent = "#b3261e"                    # rules under headings, kickers
# link = "#1d4f91"
# muted = "#595959"                     # dates, captions, the footer
# rule = "#dddddd"
# dark_text = "#ececec"                 # the same, in dark mode
# dark_background = "#1c1c1e"
# dark_canvas = "#000000"
# dark_accent = "#eb8e88"               # default: the accent, lightened to read on dark_background
# dark_link = "#9cc3ff"
# dark_muted = "#b0b0b0"
# dark_rule = "#3a3a3c"

[issue]
# contents = false                      # "In this issue": the lead and each section's headlines, linked
# signoff = ""                          # Markdown closing every issue, e.g. "Until next week. — Ana"
#                                       #   (an issue's issue.toml may set contents, intro and signoff)

[tk]
# meant = []                            # the phrases in which TK is meant in every issue (the brand's own name, a
#                                       #   code), e.g. ["Techniker Krankenkasse (TK)"]; any other TK is a placeholder
#                                       #   (an issue's issue.toml may add its own)

[words]
# The issue's own words, shown here in English: they (and its dates) follow [brand] language when it is one of
# {", ".join(sorted(BUILT_IN))}. Set any word to say it otherwise, in any language; {{name}} is where a value goes.
{words}

[more_from]
# feed = ""                             # your site's RSS or Atom feed: `newsletter import --to issues/<date>`
#                                       #   writes the week's posts as "More from" stories (builds never fetch)
# count = 5                             # at most this many posts an issue

[schedule]
# weekday = "tuesday"                   # `newsletter new` dates the next issue on this day (default: today)

[calendar]
# weeks = 8                             # how far ahead calendar.csv's "Elections ahead" looks (default: all)

# [tracking]                            # campaign tags on the email's story links (default: none)
# utm_source = "my-newsletter"          #   required when [tracking] is there
# utm_medium = "email"
# utm_campaign = "weekly"               #   default: the issue's folder name, e.g. 2026-11-24-issue-48
# exclude = []                          #   domains whose links stay as written, e.g. ["partner.org"]

[smtp]
# host = ""                             # your mail server, for `newsletter send` (or NEWSLETTER_SMTP_HOST)
# port = 587                            # default: 587 for starttls, 465 for tls, 25 for none
# security = "starttls"                 # starttls, tls or none
# user = ""                             # the password only from NEWSLETTER_SMTP_PASSWORD, never this file
# cafile = ""                           # an extra certificate authority (a company relay)
# timeout = 30.0                        # seconds to wait for the server
# rate = 0.0                            # at most this many messages a second (0: no limit)
# retries = 4                           # tries again after a temporary failure
# retry_delay = 2.0                     # seconds before the first retry, doubling each time
# connections = 1                       # messages in flight at once, each on its own connection
# provider = ""                         # ses, postmark, mailgun, sendgrid, brevo or gmail: its host, port, security
# region = ""                           # the relay's region: SES's, e.g. "eu-west-1"; Mailgun's "eu" for an EU domain
"""


def toml_text(value: str) -> str:
    """`value` as a TOML string in quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def start(folder: Path, *, name: str = "", today: dt.date | None = None) -> Started:
    """Write what a newsletter needs into `folder` (made if missing); what is there already is kept."""
    if folder.exists() and not folder.is_dir():
        raise OutputError("is a file, not a folder; choose another folder", file=folder)
    started = Started(folder=folder)
    files = {
        CONFIG_NAME: settings_text(name or "My Newsletter"),
        SUBSCRIBERS: "email,name\n",
        GITIGNORE: GITIGNORE_TEXT,
    }
    for name_, text in files.items():
        path = folder / name_
        if path.exists() or path.is_symlink():
            started.kept.append(path)
            continue
        write_atomic(path, text.encode())
        started.written.append(path)
    from .new import ISSUES_ROOT, new_issue  # not needed by defaults_note, which every build without settings says

    issues = folder / ISSUES_ROOT
    if issues.is_dir() and any(issues.iterdir()):
        started.kept.append(issues)
        return started
    created = new_issue(config=folder / CONFIG_NAME, issues=issues, builds=folder / "build", today=today)
    started.issue = created.folder
    started.written.extend(created.files)
    return started


def defaults_note(config: Path | None, brand: Brand | None = None) -> str:
    """What a command that ran without a settings file says once: which defaults it used (of `brand`, the
    issue's brand, when the command has one), and how to get a settings file; "" when there is one."""
    if config is not None or Path(CONFIG_NAME).exists() or Path(CONFIG_NAME).is_symlink():
        return ""
    brand = brand if brand is not None else Brand()
    used = [
        f"the brand name {brand.name!r}" if brand.name == Brand().name else "",
        f"the sender {brand.sender.email}" if brand.sender.email == Sender().email else "",
        "no web address" if not brand.web_base_url else "",
        "no unsubscribe link" if not brand.unsubscribe_url else "",
        "no postal address" if not brand.postal_address else "",
    ]
    said = ", ".join(part for part in used if part) or "the brand settings of the issue itself"
    return (
        f"note: no {CONFIG_NAME} here, so the defaults are used: {said}. "
        f"`newsletter init` writes a {CONFIG_NAME} with every setting explained."
    )
