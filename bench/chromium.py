"""How the benches start Chromium (Debian's, driven by Playwright): one list of arguments for all of them.

CHROMIUM_ARGS keeps Chromium's own traffic off (background networking, component updates, sync, QUIC); the tests'
browser (tests/conftest.py) starts with it too. OFFLINE is for a bench that must talk to nothing at all, not even to
the hosts a page names: a route can refuse a request, but Chromium resolves a frame's host and opens a connection to
it before the route is asked (a navigation's preconnect). With every connection sent to a proxy on a closed local
port, loopback included (`<-loopback>`), and every host name resolving to nothing, no socket reaches any server; the
pages a bench answers from its route still load, since a route answers before the network is used.
"""

from __future__ import annotations

from typing import Any

EXECUTABLE = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
OFFLINE = [
    "--proxy-server=http://127.0.0.1:9",  # the discard port: nothing listens there
    "--proxy-bypass-list=<-loopback>",  # 127.0.0.1 and localhost go to that proxy too
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no name is looked up
]


def launch(chromium: Any, offline: bool = False) -> Any:
    """A headless Chromium with the benches' arguments, from Playwright's `playwright.chromium` (or a running
    browser's `browser_type`); `offline`: one that reaches no server at all."""
    args = CHROMIUM_ARGS + (OFFLINE if offline else [])
    return chromium.launch(executable_path=EXECUTABLE, headless=True, args=args)
