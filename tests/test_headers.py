"""The mail-header rule (headers.py) wherever a header comes from: a forged subject, sender or brand in a
build is refused by send, check and export alike, and in the settings by build, with its line."""

from __future__ import annotations

import shutil

import pytest
import send_fixtures
from golden import EXAMPLE, SLUG
from send_fixtures import (
    FORGERIES,
    SUBJECT,
    invoke,
    never_forged,
    rewrite_issue,
    send_list,
    subscribers,
)

from newsletter.models import Issue

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


@pytest.mark.parametrize("what", ["subject", "sender name", "brand name", "sender address"])
@pytest.mark.parametrize("value", [FORGERIES["q-encoded CR LF"], FORGERIES["raw U+2028"]], ids=["encoded", "U+2028"])
def test_a_forged_header_in_the_build_is_refused_by_send_check_and_export(server, workdir, what, value):
    """A build made by hand or by an older version: send, check and export apply the same rule."""
    if what == "sender address":
        value = "=?utf-8?q?a=0D=0ABcc=3A_x=40evil.example?=@example.org"
    folder = workdir / "build" / SLUG
    issue = Issue.model_validate_json((folder / "issue.json").read_text())
    brand = issue.brand
    changed = {
        "subject": lambda: issue.model_copy(update={"subject": value}),
        "sender name": lambda: issue.model_copy(
            update={"brand": brand.model_copy(update={"sender": brand.sender.model_copy(update={"name": value})})}
        ),
        "brand name": lambda: issue.model_copy(
            update={
                "brand": brand.model_copy(
                    update={"name": value, "sender": brand.sender.model_copy(update={"name": ""})}
                )
            }
        ),
        "sender address": lambda: issue.model_copy(
            update={"brand": brand.model_copy(update={"sender": brand.sender.model_copy(update={"email": value})})}
        ),
    }[what]()
    rewrite_issue(folder, changed)
    subscribers(workdir, 3)
    shown = "sender name" if what == "brand name" else what  # the brand name is the name inboxes show
    # A raw U+2028 is refused where issue.json is read back (any text value, before a header is made); an
    # encoded word only decodes to a line break in a header, where the header rule refuses it.
    read_back = "holds a line separator (U+2028); rebuild it rather than edit it" if "\u2028" in value else ""
    result = send_list()
    assert result.exit_code == 1, result.output
    if read_back:
        assert result.output.startswith(f"error: build/{SLUG}/issue.json: ") and read_back in result.output
    else:
        assert result.output.startswith(f"error: build/{SLUG}/issue.json: the {shown} {value!r} holds "), result.output
        assert "which would forge mail headers; nothing was sent\n" in result.output
    never_forged(server.mailbox)
    test = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert test.exit_code == 1 and (read_back or "which would forge mail headers; nothing was sent") in test.output
    never_forged(server.mailbox)
    check = invoke("check", f"build/{SLUG}")
    assert check.exit_code == 1
    assert (read_back or f"the {shown} {value!r} holds ") in check.output
    export = invoke("export", f"build/{SLUG}", "--esp", "mailchimp")
    assert export.exit_code == 1
    assert (read_back or "which would forge mail headers; nothing was exported") in export.output
    assert not (folder / "export-mailchimp.html").exists()


@pytest.mark.parametrize("key", ["name", "sender.name", "sender.email", "reply_to"])
def test_a_forged_brand_or_sender_setting_is_refused_by_build_with_its_line(tmp_path, key):
    value = (
        FORGERIES["b-encoded CR LF"]
        if key != "sender.email" and key != "reply_to"
        else "=?utf-8?q?a=0D=0ABcc=3A_x=40evil.example?=@example.org"
    )
    source = tmp_path / "issue"
    shutil.copytree(EXAMPLE, source)
    config = tmp_path / "newsletter.toml"
    config.write_text('[brand]\ntagline = "Weekly"\n')
    if key == "name":  # the issue's own brand name wins: forge it there
        config = source / "issue.toml"
        lines = config.read_text().splitlines()
        line = next(number for number, text in enumerate(lines, 1) if text.startswith("name = "))
        lines[line - 1] = f'name = "{value}"'
        config.write_text("\n".join(lines) + "\n")
    else:
        table, _, field_name = key.rpartition(".")
        config.write_text(f'{"[brand.sender]" if table else "[brand]"}\n{field_name} = "{value}"\n')
        line = 2
    result = invoke(
        "build",
        str(source),
        "--out",
        str(tmp_path / "out"),
        "--date",
        "2026-11-24",
        "--config",
        str(tmp_path / "newsletter.toml"),
    )
    assert result.exit_code == 1
    assert result.output == (
        f"error: {config}:{line}: [brand] {key}: {value!r} holds an encoded word (=?...?=) "
        "that decodes to a line break, which would forge mail headers\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["issue.toml", "lead headline"])
def test_a_forged_subject_is_refused_by_build_at_the_line_it_comes_from(tmp_path, where):
    source = tmp_path / "issue"
    shutil.copytree(EXAMPLE, source)
    toml = source / "issue.toml"
    forged = FORGERIES["q-encoded CR LF"]
    if where == "issue.toml":
        toml.write_text(toml.read_text().replace(f'subject = "{SUBJECT}"', f'subject = "{forged}"'))
        expected = f"{toml}:2: subject: {forged!r} holds an encoded word (=?...?=) that decodes to a line break, "
        tail = "which would forge mail headers\n"
    else:  # no subject: the lead's headline is the subject
        toml.write_text(toml.read_text().replace(f'subject = "{SUBJECT}"\n', ""))
        story = source / "01-colombia-runoff.md"
        story.write_text(story.read_text().replace("headline: Colombia's runoff", f'headline: "{forged}"\nteaser: x'))
        expected = f"{story}:1: headline: {forged!r} holds an encoded word (=?...?=) that decodes to a line break, "
        tail = "which would forge mail headers as the email's subject; write the headline as it should read, or "
        tail += "give issue.toml a subject\n"
    result = invoke("build", str(source), "--out", str(tmp_path / "out"), "--date", "2026-11-24")
    assert result.exit_code == 1
    assert result.output == f"error: {expected}{tail}"
    assert not (tmp_path / "out").exists()
