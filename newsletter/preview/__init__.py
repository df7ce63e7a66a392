"""`newsletter preview`: the issue built live in a local web page, the editor's desk (server.py runs it,
handler.py answers each request, copies.py makes what the copy buttons copy, desk.py writes what the editor adds;
the page is preview.html, .js and .css beside them)."""

from .handler import force_scheme
from .server import BuildEvent, Preview

__all__ = ["BuildEvent", "Preview", "force_scheme"]
