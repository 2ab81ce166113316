"""The bundle's entry point: the same ``jgstudy`` command as the installed package."""

import sys

from jgstudy.app import main

if __name__ == "__main__":
    sys.exit(main())
