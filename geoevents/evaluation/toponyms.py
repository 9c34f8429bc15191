"""Toponym evaluation: corpus readers and the metrics of the geoparsing literature.

Two XML families are read (the format is detected from the content):

* LGL-style: ``<article><text/><toponyms><toponym><start/><end/><phrase/>
  <gaztag geonameid=…><lat/><lon/>…`` with 0-based Python offsets;
* GeoVirus-style: ``<article><text/><locations><location><name/><start/><end/><lat/>
  <lon/><page/>`` whose offsets count from 1 (the mention is ``text[start-1:end-1]``).

Metrics (gold toponyms with coordinates only, unless noted):

* **A@161**: share resolved within 161 km (100 miles) of the gold point; unresolved is a miss;
* **EM**: share whose GeoNames id equals the gold id (gold toponyms with an id);
* **AUC**: mean of ln(1 + error km) / ln(20039) with unresolved at 20039 km (lower is better);
* **mean / median error** in km, unresolved counted as 20039 km;
* **candidate recall**: share of gold toponyms the gazetteer contains whose right place is
  among the candidates (right: same GeoNames id, or within 161 km when the gold has no id;
  contained: the gold id is in the gazetteer, or without id, a place of that name lies
  within 161 km of the gold point);
* end to end: recognition precision, recall and F1 on exact spans (all gold toponyms, with
  or without coordinates), and A@161 on the exactly matched spans.

Distances are geodesic on the WGS84 ellipsoid (pyproj).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.geodesy import distance_km

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.model import Document, Place, Toponym
    from geoevents.pipeline import Geoparser

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0
NAME_KINDS = ("name", "demonym")  # composite border/relative mentions are not scored


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Article:
    doc_id: str
    text: str
    toponyms: list[GoldToponym]


# -- readers -----------------------------------------------------------------------------


def read_corpus(path: str | Path, *, limit: int | None = None) -> list[Article]:
    """Articles of an LGL- or GeoVirus-style XML corpus."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(f"no corpus at {path}") from None
    except ET.ParseError as exc:
        raise InputError(f"{path} is not well-formed XML: {exc}") from None
    articles = root.findall("article") if root.tag != "article" else [root]
    if not articles:
        raise InputError(f"{path} has no <article> elements")
    out = []
    for n, element in enumerate(articles[:limit] if limit else articles):
        try:
            out.append(_article(element, n))
        except (AttributeError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: article {n + 1} is malformed ({exc})") from None
    return out


def _article(element: ET.Element, n: int) -> Article:
    text = _text(element, "text")
    doc_id = element.get("docid") or _text(element, "source", "") or str(n + 1)
    if element.find("toponyms") is not None:
        gold = [_lgl_toponym(t, text) for t in element.find("toponyms") or []]
    elif element.find("locations") is not None:
        gold = [_geovirus_location(t, text) for t in element.find("locations") or []]
    else:
        raise ValueError("neither <toponyms> nor <locations>")
    return Article(doc_id, text, gold)


def _lgl_toponym(element: ET.Element, text: str) -> GoldToponym:
    start, end = int(_text(element, "start")), int(_text(element, "end"))
    gaz = element.find("gaztag")
    lat = lon = None
    geonameid = None
    if gaz is not None:
        raw_id = gaz.get("geonameid")
        geonameid = int(raw_id) if raw_id else None
        if gaz.find("lat") is not None and gaz.find("lon") is not None:
            lat, lon = float(_text(gaz, "lat")), float(_text(gaz, "lon"))
    return GoldToponym(start, end, text[start:end], lat, lon, geonameid)


def _geovirus_location(element: ET.Element, text: str) -> GoldToponym:
    start, end = int(_text(element, "start")) - 1, int(_text(element, "end")) - 1
    lat, lon = float(_text(element, "lat")), float(_text(element, "lon"))
    return GoldToponym(start, end, text[start:end], lat, lon)


def _text(element: ET.Element, tag: str, default: str | None = None) -> str:
    child = element.find(tag)
    if child is None or child.text is None:
        if default is not None:
            return default
        raise ValueError(f"missing <{tag}>")
    return child.text


# -- distances ---------------------------------------------------------------------------


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Outcome:
    """The system's answer for one gold toponym."""

    gold: GoldToponym
    place: Place | None
    candidates: list[Place]
    error_km: float  # MAX_ERROR_KM when unresolved
    contained: bool | None = None  # whether the gazetteer has the right place


@dataclass
class Report:
    """All metrics of one evaluation run (see the module docstring)."""

    corpus: str
    mode: str
    articles: int
    gold_toponyms: int
    scored: int  # gold toponyms with coordinates that were scored
    accuracy_161: float
    exact_match: float | None
    exact_match_n: int
    auc: float
    mean_error_km: float
    median_error_km: float
    unresolved: int
    placed_by_context: int  # no reading of their own: placed near the text's local place
    candidate_recall: float | None
    candidate_recall_n: int
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    true_positives: int | None = None
    predicted: int | None = None
    seconds: float = 0.0
    ranker: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score(outcomes: list[Outcome], *, corpus: str, mode: str, articles: int,
          gold_toponyms: int, recognition: tuple[int, int, int] | None = None) -> Report:
    """Metrics over ``outcomes``; ``recognition`` is (true positives, predicted, gold)."""
    from geoevents.resolve import placed_by_context

    errors = [o.error_km for o in outcomes]
    n = len(errors)
    with_id = [o for o in outcomes if o.gold.geonameid is not None]
    exact = sum(1 for o in with_id if o.place is not None and o.place.geonameid == o.gold.geonameid)
    contained = [o for o in outcomes if o.contained]
    found = sum(1 for o in contained if _right_among(o))
    report = Report(
        corpus=corpus, mode=mode, articles=articles, gold_toponyms=gold_toponyms, scored=n,
        accuracy_161=_ratio(sum(1 for e in errors if e <= ACCURACY_KM), n),
        exact_match=exact / len(with_id) if with_id else None, exact_match_n=len(with_id),
        auc=_ratio(sum(math.log1p(e) / math.log(MAX_ERROR_KM) for e in errors), n),
        mean_error_km=statistics.fmean(errors) if errors else 0.0,
        median_error_km=statistics.median(errors) if errors else 0.0,
        unresolved=sum(1 for o in outcomes if o.place is None),
        placed_by_context=sum(1 for o in outcomes if placed_by_context(o.place)),
        candidate_recall=found / len(contained) if contained else None,
        candidate_recall_n=len(contained),
    )
    if recognition is not None:
        tp, predicted, gold = recognition
        p, r = _ratio(tp, predicted), _ratio(tp, gold)
        report.precision, report.recall = p, r
        report.f1 = 2 * p * r / (p + r) if p + r else 0.0
        report.true_positives, report.predicted = tp, predicted
    return report


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _right_among(o: Outcome) -> bool:
    if o.gold.geonameid is not None:
        return any(c.geonameid == o.gold.geonameid for c in o.candidates)
    return any(near_gold(o.gold, c) for c in o.candidates)


def outcome(gold: GoldToponym, place: Place | None, candidates: list[Place],
            gaz: Gazetteer | None) -> Outcome:
    """Score one gold toponym against the system's place and candidates."""
    if place is None or not gold.has_point:
        error = MAX_ERROR_KM
    else:
        error = distance_km(gold.lat, gold.lon, place.lat, place.lon)  # type: ignore[arg-type]
    return Outcome(gold, place, candidates, error,
                   _contains(gaz, gold) if gaz is not None else None)


def _contains(gaz: Gazetteer, gold: GoldToponym) -> bool:
    """Whether the gazetteer has the right place for ``gold`` (see module docstring)."""
    if gold.geonameid is not None:
        return gaz.by_geonameid(gold.geonameid) is not None
    from geoevents.errors import QueryError

    try:
        places = gaz.search(gold.text, limit=500, fuzzy=False)
    except QueryError:
        return False
    return any(near_gold(gold, p) for p in places)


def near_gold(gold: GoldToponym, place: Place) -> bool:
    """Whether ``place`` lies within 161 km of the gold point."""
    return distance_km(gold.lat, gold.lon, place.lat, place.lon) <= ACCURACY_KM  # type: ignore[arg-type]


# -- running -----------------------------------------------------------------------------


DETAIL_COLUMNS = [
    "doc_id", "status", "start", "end", "text", "gold_lat", "gold_lon", "gold_geonameid",
    "place_id", "place", "feature_code", "country_code", "lat", "lon", "error_km",
    "within_161_km", "right_among_candidates", "candidates", "confidence", "reason",
]


@dataclass
class Detail:
    """One line of an evaluation's per-mention listing: a gold toponym (with the system's
    answer when it was scored) or, end to end, a recognised name no gold toponym has.

    ``status`` is ``scored``, ``no point`` (gold without coordinates), ``not recognised``
    (e2e: no predicted span equals the gold span) or ``spurious`` (e2e: a predicted name
    that is no gold span)."""

    doc_id: str
    status: str
    gold: GoldToponym | None
    toponym: Toponym | None
    outcome: Outcome | None

    def row(self) -> dict[str, Any]:
        """Flat fields for a CSV file (:data:`DETAIL_COLUMNS`)."""
        t, g, o = self.toponym, self.gold, self.outcome
        place = t.place if t is not None else None
        span = g or t
        assert span is not None
        return {
            "doc_id": self.doc_id, "status": self.status, "start": span.start,
            "end": span.end, "text": span.text,
            "gold_lat": g.lat if g else None, "gold_lon": g.lon if g else None,
            "gold_geonameid": g.geonameid if g else None,
            "place_id": place.id if place else None, "place": place.name if place else None,
            "feature_code": place.feature_code if place else None,
            "country_code": place.country_code if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "error_km": round(o.error_km, 1) if o else None,
            "within_161_km": o.error_km <= ACCURACY_KM if o else None,
            "right_among_candidates": _right_among(o) if o and o.candidates else None,
            "candidates": len(t.candidates) if t else None,
            "confidence": round(t.confidence, 3) if t else None,
            "reason": t.reason if t else None,
        }


def evaluate(path: str | Path, *, mode: str = "gold", limit: int | None = None,
             parser: Geoparser | None = None, progress: bool | None = False,
             details: Callable[[Detail], None] | None = None,
             split: str = "all") -> Report:
    """Run the geoparser over a corpus and score it. ``mode`` is ``gold`` (resolve the
    gold spans) or ``e2e`` (recognise, then resolve). ``details``, when given, receives a
    :class:`Detail` for every gold toponym and (e2e) every spurious name. ``split``
    chooses the articles (see :mod:`geoevents.evaluation.split`); ``progress`` shows a
    progress bar (None: when stderr is a terminal)."""
    import time

    from geoevents.evaluation.split import select
    from geoevents.pipeline import geoparser
    from geoevents.progress import Progress

    if mode not in ("gold", "e2e"):
        raise InputError(f"mode must be 'gold' or 'e2e', got {mode!r}")
    articles = select(read_corpus(path, limit=limit), split, key=lambda a: a.doc_id)
    parser = parser or geoparser()
    started = time.perf_counter()
    outcomes: list[Outcome] = []
    tp = predicted = 0
    with Progress("articles", total=len(articles), enabled=progress) as bar:
        for article, document in zip(articles, _documents(parser, articles, mode), strict=True):
            names = {(t.start, t.end): t for t in document.toponyms
                     if getattr(t, "kind", "name") in NAME_KINDS}
            if mode == "e2e":
                predicted += len(names)
            for gold in article.toponyms:
                found = names.get((gold.start, gold.end))
                if mode == "e2e" and found is not None:
                    tp += 1
                if not gold.has_point or (mode == "e2e" and found is None):
                    if details is not None:
                        status = "no point" if not gold.has_point else "not recognised"
                        details(Detail(article.doc_id, status, gold, found, None))
                    continue
                outcomes.append(outcome(gold, found.place if found else None,
                                        found.candidates if found else [],
                                        parser.gazetteer if mode == "gold" else None))
                if details is not None:
                    details(Detail(article.doc_id, "scored", gold, found, outcomes[-1]))
            if details is not None and mode == "e2e":
                spans = {(g.start, g.end) for g in article.toponyms}
                for span, toponym in names.items():
                    if span not in spans:
                        details(Detail(article.doc_id, "spurious", None, toponym, None))
            bar.advance()
    gold_total = sum(len(a.toponyms) for a in articles)
    report = score(outcomes, corpus=Path(path).name, mode=mode, articles=len(articles),
                   gold_toponyms=gold_total,
                   recognition=(tp, predicted, gold_total) if mode == "e2e" else None)
    report.seconds = round(time.perf_counter() - started, 1)
    report.ranker = parser.resolver.ranker.name
    if mode == "e2e":
        report.notes.append("A@161, EM, AUC and errors are over exactly matched spans")
    ranker = parser.resolver.ranker
    if ranker.corpus_sha256 and ranker.corpus_sha256 == sha256(path):
        report.notes.append(f"the ranker was trained on this corpus ({ranker.trained_on}): "
                            "this score is not a held-out result")
    return report


def sha256(path: str | Path) -> str:
    """SHA-256 of a file, to recognise a ranker's training corpus."""
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _documents(parser: Geoparser, articles: list[Article], mode: str) -> Iterator[Document]:
    """The Documents of the articles: the gold spans resolved (``gold``, on the tokenizer's
    output only) or the names recognised and resolved (``e2e``)."""
    from geoevents.pipeline import make_item

    items = (make_item(a.text, doc_id=a.doc_id,
                       toponyms=[(g.start, g.end) for g in a.toponyms] if mode == "gold"
                       else None)
             for a in articles)
    for document, _ in parser.run(items, level="tokens" if mode == "gold" else "toponyms"):
        yield document
