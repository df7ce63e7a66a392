"""Exceptions the library raises; only cli.py turns them into a message and an exit code.

NewsletterError
 ├── InputError        a story, folder or settings file cannot be read as given
 ├── RenderError       the templates or the MJML engine failed
 ├── HeaderError       a value cannot go into a mail header: it would forge one, or make a line too long
 ├── AddressError      an email address is not one
 ├── OutputError       an output file or folder cannot be written
 └── SendError         sending through SMTP failed as a whole
"""


def place(file: object = None, line: int | None = None) -> str:
    """The `file:line: ` (or `file: `) that starts every message naming a place; "" for none."""
    if not file:
        return ""
    return f"{file}:{line}: " if line else f"{file}: "


class NewsletterError(Exception):
    """Something the editor can fix; str(error) is the one-line message."""

    def __init__(self, message: str, *, file: object = None, line: int | None = None):
        self.message = message  # without the file and line
        self.file = str(file) if file is not None else None
        self.line = line
        super().__init__(f"{place(self.file, line)}{message}")


class InputError(NewsletterError):
    """A story, folder or settings file cannot be read as given."""


class RenderError(NewsletterError):
    """The templates or the MJML engine failed."""


class HeaderError(NewsletterError):
    """A value cannot go into a mail header: it would forge one (a line break, a control character, as
    written or once its encoded words decode), or make a header line longer than mail servers take."""


class AddressError(NewsletterError):
    """An email address is not one."""


class OutputError(NewsletterError):
    """An output file or folder cannot be written (a file in the way, no permission, a full disk)."""


class SendError(NewsletterError):
    """Sending through SMTP failed as a whole."""
