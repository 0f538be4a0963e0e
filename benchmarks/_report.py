"""Shared output of the benchmark scripts: medians against targets, one summary line."""

from __future__ import annotations

import platform
import statistics
import sys
from dataclasses import dataclass, field


@dataclass
class Report:
    name: str
    rows: list[tuple[str, float, float, str, int]] = field(default_factory=list)
    # Labels of rows whose target is a minimum (higher is better).
    minimums: set[str] = field(default_factory=set)

    def add_at_least(self, label: str, value: float, minimum: float, unit: str = "") -> float:
        """A quality figure that must reach ``minimum`` (e.g. an adjusted Rand index)."""
        self.rows.append((label, value, minimum, unit, 1))
        self.minimums.add(label)
        ok = value >= minimum
        print(f"  {'ok  ' if ok else 'MISS'} {label}: {value:.3f} {unit}".rstrip()
              + f" (target >= {minimum:.3f} {unit})".replace(" )", ")"), flush=True)
        return value

    def add(self, label: str, samples: list[float], target: float, unit: str = "ms") -> float:
        median = statistics.median(samples)
        self.rows.append((label, median, target, unit, len(samples)))
        ok = median <= target
        print(f"  {'ok  ' if ok else 'MISS'} {label}: median {median:.2f} {unit} "
              f"(target <= {target:g} {unit}, n={len(samples)}, "
              f"min {min(samples):.2f}, max {max(samples):.2f})", flush=True)
        return median

    def header(self) -> None:
        print(f"{self.name}: Python {platform.python_version()}, {platform.machine()}, "
              f"{platform.system()}", flush=True)

    def finish(self) -> int:
        missed = [row for row in self.rows
                  if (row[1] < row[2] if row[0] in self.minimums else row[1] > row[2])]
        parts = ", ".join(f"{label} {median:.2f} {unit}".rstrip() for label, median, _t, unit, _n
                          in self.rows)
        verdict = "all targets met" if not missed else f"{len(missed)} target(s) missed"
        print(f"SUMMARY {self.name}: {verdict} ({parts})", flush=True)
        return 0 if not missed else 1


def exit_with(report: Report) -> None:
    sys.exit(report.finish())
