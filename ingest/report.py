"""What one ingest run did, for the CLI summary and the Python API."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    store: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    chunks_written: int = 0
    recovered_chunks: int = 0  # left behind by an interrupted run and cleaned up
    upgraded_records: int = 0  # moved from an earlier store layout, vectors and all
    total_documents: int = 0
    total_chunks: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """False when any input was skipped: the CLI then exits non-zero."""
        return not self.skipped

    def summary(self) -> str:
        lines = [
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.removed)} removed; "
            f"{self.chunks_written} chunks written in {self.seconds:.1f}s",
            f"store {self.store}: {self.total_documents} documents, {self.total_chunks} chunks",
        ]
        if self.upgraded_records:
            lines.append(f"upgraded the store: {self.upgraded_records} records moved to one collection per language")
        if self.recovered_chunks:
            lines.append(f"cleaned up {self.recovered_chunks} chunks left by an interrupted run")
        lines += [f"skipped {path}: {reason}" for path, reason in self.skipped]
        return "\n".join(lines)
