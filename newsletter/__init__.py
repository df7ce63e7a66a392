"""newsletter: turn a week's stories into an email, a plain-text version and a web page."""

import os

__version__ = "0.1.0"

# pydantic looks for plugins of its own the first time it builds a model: it reads the entry points of every
# package installed beside it (about 11 ms here, at each run) and would run any it found inside our build. We
# use none; an editor who sets PYDANTIC_DISABLE_PLUGINS keeps their own setting.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
