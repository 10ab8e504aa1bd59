"""What an engine reports about its own run: how many workers, how long they took to start, and
each one's peak memory."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EngineStats:
    engine: str = "local"
    workers: int = 1
    # before extraction could begin: the pipeline loaded (in process), workers spawned and loaded
    # (workers), the cluster started or joined (ray: its actors' own loads are in load_seconds)
    startup_seconds: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)   # worker id -> its peak RSS in MB
    load_seconds: dict[str, float] = field(default_factory=dict)  # worker id -> time to load its pipeline
    driver_peak_rss_mb: float = 0.0  # this process's peak RSS (the Ray driver reads shards back)

    def note_worker(self, worker, peak_rss_mb: float, load_seconds: float | None = None) -> None:
        key = str(worker)
        self.peak_rss_mb[key] = max(self.peak_rss_mb.get(key, 0.0), peak_rss_mb)
        if load_seconds is not None:
            self.load_seconds[key] = load_seconds

    def summary(self) -> str:
        rss = ", ".join(f"{mb:.0f}" for mb in self.peak_rss_mb.values()) or "—"
        where = "in process" if self.engine == "local" and self.workers == 1 else f"{self.workers} workers"
        driver = f"; driver peak RSS {self.driver_peak_rss_mb:.0f} MB" if self.driver_peak_rss_mb else ""
        return (f"engine {self.engine}, {where}; start-up {self.startup_seconds:.1f}s; "
                f"peak RSS per worker MB: {rss}{driver}")

    def as_dict(self) -> dict:
        return {"engine": self.engine, "workers": self.workers, "startup_seconds": round(self.startup_seconds, 2),
                "peak_rss_mb": {k: round(v, 1) for k, v in self.peak_rss_mb.items()},
                "load_seconds": {k: round(v, 2) for k, v in self.load_seconds.items()},
                "driver_peak_rss_mb": round(self.driver_peak_rss_mb, 1)}
