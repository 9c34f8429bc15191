"""Measuring geoevents against annotated corpora (``geoevents eval``)."""
