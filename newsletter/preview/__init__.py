"""`newsletter preview`: the issue built live in a local web page, the editor's desk (server.py serves it, the
page is preview.html, .js and .css beside it)."""

from .server import BuildEvent, Preview, force_scheme

__all__ = ["BuildEvent", "Preview", "force_scheme"]
