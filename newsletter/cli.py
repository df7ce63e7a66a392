"""The command line: the only module that prints or exits."""

import datetime as dt
import functools
import inspect
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NamedTuple, TypeVar

import typer
from typer.exceptions import TyperException

from .errors import error_line
from .runtime import cache_folder, output_closed, pinned_today, utf8_mode_command

# pydantic looks for plugins of its own the first time it builds a model: it reads the entry points of every
# package installed beside it (several ms at each run) and would run any it found inside a build. The command
# line uses none; an editor who sets PYDANTIC_DISABLE_PLUGINS keeps their own setting. (Set here, where the
# command line starts, not when the package is imported: a program that imports newsletter keeps its plugins.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

app = typer.Typer(
    help="Turn a week's stories into a responsive email, a plain-text version and a web page.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


class Options(NamedTuple):
    """What the options before the command say; kept in the command line's context, not in a global."""

    verbose: bool = False


@app.callback()
def main(
    ctx: typer.Context,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks for errors.")] = False,
) -> None:
    ctx.obj = Options(verbose=verbose)
    if again := utf8_mode_command():  # under LANG=de_DE (Latin-1), Python's UTF-8 mode reads names as they are
        os.execve(again.argv[0], again.argv, again.env)


# What each command is doing, for the one line an exception nobody foresaw becomes.
DOING = {"build": "building", "new": "starting an issue", "import_page": "importing", "check": "checking",
         "publish": "publishing", "preview": "previewing", "send": "sending", "export": "exporting"}  # fmt: skip
SUBJECTS = ("source", "page", "issue", "builds")  # the parameter naming what the command works on


def friendly(command: F) -> F:
    """Turn the library's exceptions into one red line and exit code 1 (and a traceback under --verbose); output
    whose reader went away (a pipe to `head`) ends the command without a word, with 141.

    An exception the library did not foresee (a bug) is one line too, naming the step and file it came from
    (errors.doing) and asking for a report; nothing is half-written, since every writer stages its files and
    swaps them in whole. The command gets one more parameter, the context, which Typer fills: it holds the
    Options."""

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException, KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as error:  # the library's, the file system's, a bug's or a Rust panic's
            if isinstance(error, BrokenPipeError) and output_closed():  # `newsletter ... | head -1`: as git, no word
                raise typer.Exit(code=141) from None  # 128 + SIGPIPE, what a shell reports of git there
            if isinstance(ctx.obj, Options) and ctx.obj.verbose:
                traceback.print_exc()
            subject = next((kwargs[name] for name in SUBJECTS if kwargs.get(name) is not None), None)
            line = error_line(error, DOING.get(command.__name__, command.__name__), subject)
            typer.secho(f"error: {line}", fg=typer.colors.RED, err=True)
            raise typer.Exit(code=1) from None

    signature = inspect.signature(command, eval_str=True)
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    wrapper.__signature__ = signature.replace(parameters=[context, *signature.parameters.values()])  # type: ignore[attr-defined]  # click reads it
    wrapper.__annotations__ = {"ctx": typer.Context, **command.__annotations__}
    return wrapper  # type: ignore[return-value]  # the same command, with ctx in front for typer


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-24") from None


SourceArg = Annotated[
    Path | None,
    typer.Argument(
        readable=False,
        help="A story file or an issue folder of .txt, .md and .html stories (default: the newest folder under "
        "issues/, else seeds/).",
        show_default=False,
    ),
]


def settings_note(config: Path | None, brand: Any = None) -> None:
    """Said once by a command that ran without a settings file: which defaults it used."""
    from .init import defaults_note

    note = defaults_note(config, brand)
    if note:
        typer.secho(note, fg=typer.colors.CYAN, err=True)


ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", readable=False, help="Brand settings file (default: ./newsletter.toml if present)."),
]
BuildArg = Annotated[
    Path | None,
    typer.Argument(readable=False, help="A build folder (default: the newest one under build/).", show_default=False),
]
DateOpt = Annotated[str | None, typer.Option("--date", help="Issue date, YYYY-MM-DD (default: issue.toml or today).")]


@app.command()
@friendly
def build(
    source: SourceArg = None,
    out: Annotated[
        Path | None, typer.Option("--out", readable=False, help="Output folder (default: build/<issue-slug>/).")
    ] = None,
    date: DateOpt = None,
    config: ConfigOpt = None,
    every: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every warning, not one line for each kind.")
    ] = False,
) -> None:
    """Build an issue: email HTML, plain text, web page, .eml and issue.json. Warnings are grouped by kind,
    what a reader would see wrong first (a made-up headline, a missing link or picture); --verbose lists each.

    Example:

        newsletter build seeds/ --date 2026-11-24
    """
    from .build import build as run_build
    from .build import default_source
    from .notices import said

    result = run_build(
        default_source(source),
        out=out,
        date=parse_date(date),
        today=pinned_today(),
        config=config,
        cache=cache_folder(),
    )
    typer.echo("\n".join(result.said()))
    clipped = result.clipped()
    if clipped:
        typer.secho(str(clipped), fg=typer.colors.RED if clipped.level == "error" else typer.colors.YELLOW)
    if result.warnings:
        heading, lines = said(result.warnings, every=every)
        typer.secho(heading, fg=typer.colors.YELLOW)
        typer.echo("\n".join(lines))
    if left := result.placeholders():
        typer.secho(left, fg=typer.colors.RED)
    settings_note(config, result.issue.brand)


@app.command()
@friendly
def new(
    date: Annotated[
        str | None,
        typer.Option("--date", help="Issue date, YYYY-MM-DD (default: the next [schedule] weekday, else today)."),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Start next week's issue: issues/<date>/ with issue.toml, numbered after the last issue, and an
    example lead story to overwrite. Never overwrites a folder that exists.

    Example:

        newsletter new --date 2026-12-01
    """
    from .new import new_issue

    created = new_issue(date=parse_date(date), today=pinned_today(), config=config)
    why = " (the next [schedule] weekday)" if created.scheduled else ""
    typer.echo(f"Started issue {created.number} for {created.date.isoformat()}{why} in {created.folder}/")
    for path in created.files:
        typer.echo(f"  wrote {path}")
    for problem in created.unread:
        typer.secho(f"note: passed over {problem}; its issue number is not counted", fg=typer.colors.CYAN, err=True)
    typer.echo(
        f"Replace every TK in {created.files[-1].name}, add stories beside it, then "
        f"`newsletter preview {created.folder}`"
    )
    from .settings import load_more_from, read_config

    if load_more_from(read_config(config)).feed:
        typer.echo(f"Fill 'More from' with the week's posts of your feed: `newsletter import --to {created.folder}`")
    settings_note(config)


@app.command()
@friendly
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            readable=False, help="The folder to start the newsletter in (default: this one).", show_default=False
        ),
    ] = Path("."),
    name: Annotated[str, typer.Option("--name", help="The newsletter's name (default: My Newsletter).")] = "",
) -> None:
    """Start a newsletter: newsletter.toml with every setting explained (commented, with its default), a
    first issue in issues/<date>/, subscribers.csv with its header and a .gitignore for build/ and site/.
    Never overwrites: a file that is there already is kept, and named.

    Example:

        newsletter init ballot-brief --name "The Ballot Brief"
    """
    from .init import start

    typer.echo("\n".join(start(folder, name=name, today=pinned_today()).said()))


@app.command("import")
@friendly
def import_page(
    page: Annotated[
        str | None,
        typer.Argument(
            help="A page: pasted text (.txt), a saved page (.html), an http/https URL of a page or of a feed "
            "(default: the feed [more_from] names in newsletter.toml).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[Path, typer.Option("--to", readable=False, help="Folder to write the Markdown stories into.")] = ...,  # type: ignore[assignment]  # required
    lead: Annotated[bool, typer.Option("--lead", help="Mark the page's article as the issue's lead story.")] = False,
    since: Annotated[
        str | None,
        typer.Option("--since", help="A feed's posts from this date, YYYY-MM-DD (default: after the last issue)."),
    ] = None,
    url: Annotated[
        str,
        typer.Option(
            "--url",
            help="A pasted page's address (from the browser's address bar): the story's link, and the page there "
            "is read for the headline it names, which settles the pasted text's.",
        ),
    ] = "",
    config: ConfigOpt = None,
) -> None:
    """Turn a page into Markdown stories to complete: a pasted page, a saved .html page or a URL; or a feed's
    posts of the week into "More from" stories (RSS or Atom: posts since the previous issue, at most
    [more_from] count, leaving out those the issue has). Stories are numbered after those in the folder.
    Builds never fetch: importing is the one step that does, so a build is the same offline.

    Example:

        newsletter import seeds/000_page.txt --to issues/2026-11-24/

        newsletter import https://example.org/news/story.html --to issues/2026-11-24/ --lead

        newsletter import pasted.txt --url https://example.org/news/story.html --to issues/2026-11-24/

        newsletter import https://example.org/feed.xml --to issues/2026-11-24/
    """
    from .importer import import_page as run_import

    result = run_import(page, to, lead=lead, config=config, since=parse_date(since), today=pinned_today(), url=url)
    for path in result.written:
        typer.echo(f"wrote {path}")
    for notice in result.notices:
        typer.echo(f"  {notice}")
    for path in result.whole:
        typer.echo(
            f"  {path.name} keeps the whole article for you to quote from; readers see its teaser and a "
            "'Read at' link, unless you add `full: true` (you have the rights to publish it whole)"
        )
    count = sum(path.suffix == ".md" for path in result.written)  # not the issue.toml naming the page's brand
    if result.feed:
        typer.echo(f"{count} stories from the feed for 'More from': check them, then build {to}")
    else:
        them = "it" if count == 1 else "them"
        what = (
            f"fill in the empty {' and '.join(result.empty)} field(s), then" if result.empty else f"check {them}, then"
        )
        typer.echo(f"{count} {'story' if count == 1 else 'stories'}: {what} build {to}")
    settings_note(config)


@app.command()
@friendly
def check(
    issue: BuildArg = None,
    output: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    online: Annotated[
        bool,
        typer.Option(
            "--online",
            help="Ask the web server (HEAD) for each image and link the email loads from web_base_url; "
            "an error for each that does not answer 200.",
        ),
    ] = False,
) -> None:
    """Say whether a built issue is safe to send: exit 1 when it has errors, 0 when only warnings.

    Checks size against Gmail's clip, links, images, subject and preheader, the plain text,
    invisible characters and the theme's contrast; each finding says where and what to do. When the
    email loads images from web_base_url, it warns that the build must be published and uploaded
    first; after uploading, --online checks that every one of them is there.

    Example:

        newsletter check build/2026-11-24-issue-48 --online
    """
    import json

    from .check import check_build

    if output not in ("text", "json"):
        raise typer.BadParameter(f"{output!r} is not text or json", param_hint="--format")
    report = check_build(issue, online=online)
    if output == "json":
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            typer.secho(str(finding), fg=typer.colors.RED if finding.level == "error" else typer.colors.YELLOW)
        typer.echo("\n".join(report.summary()))
    if report.errors:
        raise typer.Exit(code=1)


@app.command()
@friendly
def publish(
    builds: Annotated[
        Path,
        typer.Argument(readable=False, help="The folder holding build folders (default: build/).", show_default=False),
    ] = Path("build"),
    out: Annotated[
        Path, typer.Option("--out", readable=False, help="The site folder to write (default: site/).")
    ] = Path("site"),
) -> None:
    """Publish every built issue as a static site: each issue's web page where its "View in browser"
    link points, an index of all issues, an Atom feed (feed.xml) and a sitemap.

    Upload the site folder to the address set as web_base_url in newsletter.toml (rsync, S3, GitHub
    Pages...). Two builds of one issue (same number, or same date and subject) publish once: the newest.
    A story edited after the newest issue's build is refused, as is an issue still holding a placeholder (TK);
    an older issue is published as built (as it was sent), with a warning naming each file edited since. The
    site is replaced whole: a failure leaves the old one as it was.

    Example:

        newsletter publish build/ --out site/
    """
    from .publish import publish as run_publish

    site = run_publish(builds, out, cache=cache_folder())
    for skipped in site.skipped:
        typer.secho(f"skipped {skipped}", fg=typer.colors.YELLOW)
    typer.echo("\n".join(site.said()))
    for warning in site.warnings():
        typer.secho(f"warning: {warning}", fg=typer.colors.YELLOW)
    for name, why in site.removed:
        typer.secho(f"removed {site.out / name}/ from the site: {why}", fg=typer.colors.YELLOW)


@app.command()
@friendly
def preview(
    source: SourceArg = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to serve on (default: a free one).")] = 0,
    host: Annotated[
        str | None, typer.Option("--host", help="Address to serve on (default: 127.0.0.1, this machine only).")
    ] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the preview in your web browser.")] = False,
    date: DateOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Build an issue, show it in the browser and rebuild it whenever a story, template or setting changes.

    The page shows the email at desktop and phone width, in dark mode, as plain text, as the web version
    and as HTML source, beside its inbox row, its size against Gmail's clip and every warning; it copies
    the HTML and downloads the .eml. Ctrl-C stops it.

    Example:

        newsletter preview seeds/ --open
    """
    import webbrowser

    from .build import default_source
    from .loopback import is_loopback
    from .preview import BuildEvent, Preview

    def report(event: BuildEvent) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        if event.error:
            typer.secho(
                f"[{stamp}] build {event.number} failed: {event.error['message']}", fg=typer.colors.RED, err=True
            )
        else:
            typer.echo(
                f"[{stamp}] build {event.number}: {event.subject!r}, {event.errors} error(s), "
                f"{event.warnings} warning(s) ({event.seconds:.1f} s)"
            )

    source = default_source(source)
    settings_note(config)
    try:
        with Preview(
            source,
            host=host or "127.0.0.1",
            port=port,
            allow_remote=host is not None,
            date=parse_date(date),
            today=pinned_today(),
            config=config,
            report=report,
            cache=cache_folder(),
        ) as server:
            typer.echo(f"Previewing {source} at {server.url} (Ctrl-C to stop)")
            if host is not None and not is_loopback(host):
                typer.secho(
                    f"warning: serving on {host}: anyone who can reach this machine can read the issue",
                    fg=typer.colors.YELLOW,
                    err=True,
                )
            if open_browser:
                webbrowser.open(server.url)
            server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("Stopped.")
        raise typer.Exit(code=130) from None


@app.command()
@friendly
def send(
    issue: BuildArg = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", metavar="ADDRESS", help='Send a test, subject starting "[TEST] "; repeat for more.'),
    ] = None,
    subscribers: Annotated[
        Path | None,
        typer.Option(
            "--list",
            readable=False,
            metavar="CSV",
            help="Send to everyone in a CSV with an email column (name optional).",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show who would receive what; send nothing.")] = False,
    rate: Annotated[
        float | None,
        typer.Option("--rate", min=0, help="At most this many messages a second (default: [smtp] rate, or no limit)."),
    ] = None,
    connections: Annotated[
        int | None,
        typer.Option(
            "--connections",
            min=1,
            max=32,
            help="Messages in flight at once, each on its own connection (default: [smtp] connections, 1).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Send a second copy to addresses that already have this issue.")
    ] = False,
    resend_unknown: Annotated[
        bool,
        typer.Option("--resend-unknown", help="Resend messages the server never confirmed, with the same Message-ID."),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Send a built issue over SMTP: a test to a few addresses, or one message to each subscriber.

    What goes out is what `build` wrote (and `check` read), with each recipient's address and unsubscribe
    link filled in; a build folder edited after the build is refused. Server settings come from the [smtp]
    table of newsletter.toml (host, port, security = starttls, tls or none, user, timeout, rate, cafile,
    retries, retry_delay, connections) or the NEWSLETTER_SMTP_ variable of the same name in capitals; the
    password only from NEWSLETTER_SMTP_PASSWORD. List sends keep a history next to newsletter.toml
    (newsletter-sends.sqlite3): an address that has the issue, from any build of it (another --date,
    another folder, an edited subject), is skipped, and --force is the only way to send it a second copy.
    After a crash, Ctrl-C or a dropped connection, run the same command again to carry on. A message that
    went out but was never confirmed is reported as unknown and not resent unless you ask with
    --resend-unknown.

    Example:

        newsletter send build/2026-11-24-issue-48 --to me@example.org

        newsletter send --list subscribers.csv --dry-run

        newsletter send --list subscribers.csv --rate 10
    """
    import contextlib
    import sys

    from .send.run import ready

    if bool(to) == (subscribers is not None):
        message = "give --to or --list, not both" if to else "say who: --to ADDRESS for a test, --list CSV for the list"
        raise typer.BadParameter(message, param_hint="--to / --list")
    # Every address and header is checked before the first connection: a bad one means nothing is sent.
    sending = ready(issue, to=to or [], subscribers=subscribers, config=config)
    if sending.people is not None:
        for problem in sending.people.bad:
            typer.secho(f"skipped {problem}", fg=typer.colors.YELLOW)
        for problem in sending.people.duplicates:
            typer.echo(f"skipped {problem}")
    if dry_run:
        lines, warning = sending.dry_run(force=force, resend_unknown=resend_unknown)
        typer.echo("\n".join(lines))
        if warning:
            typer.secho(warning, fg=typer.colors.YELLOW)
        return

    def started(start: Any) -> None:
        skipping, copies = start.said()
        if skipping:
            typer.echo(skipping)
        if copies:
            typer.secho(copies, fg=typer.colors.YELLOW, err=True)

    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def show(event: Any) -> None:
            if event.status == "start" and sys.stderr.isatty():  # a log (cron's) gets no bar, nor its label
                bars.append(
                    stack.enter_context(
                        typer.progressbar(length=event.total, label="Sending", file=sys.stderr, show_pos=True)
                    )
                )
            elif bars:
                bars[0].update(1)

        report = sending.send(
            force=force, resend_unknown=resend_unknown, rate=rate, connections=connections, start=started, progress=show
        )

    for line in sending.failures(report):
        typer.secho(line, fg=typer.colors.YELLOW)
    typer.echo(sending.summary(report))
    if report.stopped:
        typer.secho(f"error: stopped: {report.stopped}", fg=typer.colors.RED, err=True)
        if report.left and not to:
            typer.echo("Run the same command again to carry on where it stopped.")
        raise typer.Exit(code=128 + report.signal if report.signal else 1)
    if not report.ok:
        raise typer.Exit(code=1)


@app.command()
@friendly
def export(
    issue: BuildArg = None,
    esp: Annotated[
        str,
        typer.Option(
            "--esp",
            help="mailchimp, buttondown, listmonk, kit, brevo, mailerlite, campaignmonitor, sendy, beehiiv, ghost "
            "or generic.",
        ),
    ] = ...,  # type: ignore[assignment]  # typer's mark of a required option
    out: Annotated[
        Path | None,
        typer.Option("--out", readable=False, help="File to write (default: export-<esp>.html in the build folder)."),
    ] = None,
) -> None:
    """Write the email HTML with an email service's tags for the unsubscribe and web links, ready to paste.

    Mailchimp gets *|UNSUB|* and *|ARCHIVE|*, Brevo {{ unsubscribe }} and {{ mirror }}, and so on
    (the README's table lists every service's tags); Kit, beehiiv and Ghost get the body alone, for an
    HTML block of their own email. generic keeps %%{unsubscribe_url}%% and %%{web_url}%% to replace by
    hand. Anything in a story that looks like the service's tags is written so the service shows it as
    text.

    Example:

        newsletter export build/2026-11-24-issue-48 --esp mailchimp
    """
    from .export import export_issue

    wrote, warnings = export_issue(issue, esp, out=out).said()
    typer.echo(wrote)
    for warning in warnings:
        typer.secho(warning, fg=typer.colors.YELLOW)
