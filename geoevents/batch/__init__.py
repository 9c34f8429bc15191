"""Batch processing of large corpora: streaming, multi-process, resumable, and on Dask.

::

    from geoevents.batch import BatchOptions, run

    summary = run(["news.jsonl"], "events/", BatchOptions(processes=2, resume=True))
    summary.documents, summary.events, summary.errors, summary.rate

The corpus is read as a stream (:mod:`geoevents.corpus`), cut into shards, processed with
``nlp.pipe`` batches by the local engine (one or more processes) or the Dask engine, and
written shard by shard as GeoParquet with a manifest that makes the run resumable
(:mod:`geoevents.batch.store`). Records that fail go to an errors file. Importing this
package loads neither spaCy, pandas nor Dask.
"""

from geoevents.batch.engine import BatchOptions, BatchSummary, run

__all__ = ["BatchOptions", "BatchSummary", "run"]
