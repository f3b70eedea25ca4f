"""Ingestion: articles -> tagged sentences -> chunks -> Chroma.

``from ingest import ingest_paths`` is the entry point. It is imported lazily so that light modules
(``ingest.epistemic``, ``ingest.errors``) do not pull in Chroma and the embedder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.pipeline import ingest_paths
    from ingest.report import IngestReport

__all__ = ["ingest_paths", "IngestReport"]


def __getattr__(name: str) -> Any:
    if name == "ingest_paths":
        from ingest.pipeline import ingest_paths

        return ingest_paths
    if name == "IngestReport":
        from ingest.report import IngestReport

        return IngestReport
    raise AttributeError(f"module 'ingest' has no attribute {name!r}")
