"""premailer, imported without the network modules it never uses here: a module of its own, importing nothing else
of the package, so that bench/run.py's floor (the required stack, imported as we import it) holds none of our code.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

# Imported by premailer (requests) and cssutils (urllib.request) only to fetch stylesheets, which we never
# let them do (allow_network=False); importing them loads OpenSSL, a third of a cold build.
NETWORK_MODULES = ("requests", "urllib.request")


def import_premailer() -> Any:
    """premailer's Premailer class, imported without the network modules it never uses here.

    While premailer is imported, each of NETWORK_MODULES not imported yet is a placeholder that imports
    the real module on first use, so nothing breaks if a stylesheet were ever fetched.
    """
    if "premailer.premailer" not in sys.modules:
        placed = {name: placeholder(name) for name in NETWORK_MODULES if name not in sys.modules}
        sys.modules.update(placed)
        for name, module in placed.items():
            parent, _, child = name.rpartition(".")
            if parent:  # `import urllib.request` then finds `request` on `urllib`
                setattr(importlib.import_module(parent), child, module)
        try:
            import premailer.premailer  # noqa: F401
        finally:
            for name, module in placed.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    from premailer import Premailer

    return Premailer


def placeholder(name: str) -> types.ModuleType:
    module = types.ModuleType(name, "Imports the real module on first use.")

    def real(attribute: str) -> Any:
        if sys.modules.get(name) is module:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    module.__getattr__ = real  # type: ignore[method-assign]  # a module-level __getattr__ (PEP 562), set from outside
    return module
