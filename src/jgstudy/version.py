"""The version of jgstudy, from the installed package's metadata (also inside a bundle)."""

from __future__ import annotations

from importlib import metadata

UNKNOWN = "0+unknown"


def version() -> str:
    try:
        return metadata.version("jgstudy")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return UNKNOWN
