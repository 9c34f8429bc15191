"""Event extraction: trigger → type → arguments → date → location → Event.

One module per step: :mod:`ontology` (types and trigger words, from
``geoevents/data/event_ontology.json``), :mod:`triggers` (detection and modality),
:mod:`classify` (sub-event type), :mod:`arguments` (actors, quantities, fatalities),
:mod:`dates`, :mod:`location`, :mod:`dedup` (across documents) and :mod:`extract`, which
ties them together. Importing this package loads neither spaCy nor dateparser.
"""
