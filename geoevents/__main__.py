"""``python -m geoevents``: the same command line as the ``geoevents`` script."""

from geoevents.cli import main

if __name__ == "__main__":
    main()
