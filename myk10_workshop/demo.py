"""The demo project "Smarte Region MYK10", loaded from ``resources/demo`` in one operation.

The data file describes the project the way a facilitator thinks of it (days with blocks,
boards with clusters of ideas, ballots with counts); this module turns it into rows, lays
the notes out inside their cluster frames and expands vote counts into anonymous votes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from myk10_workshop.board.layout import CLUSTER_HEADER, GAP, NOTE_HEIGHT, NOTE_WIDTH
from myk10_workshop.i18n import QT_TRANSLATE_NOOP
from myk10_workshop.paths import resource_path
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.operations import BulkCreate
from myk10_workshop.store.order_keys import spread_keys

DEMO_FILE = "smarte-region-myk10.json"

NOTES_PER_ROW = 3
CLUSTERS_PER_ROW = 3
NOTE_COLOUR = "#fff59d"

Row = tuple[str, uuid.UUID, Mapping[str, Any]]


def demo_path() -> Path:
    return resource_path("demo", DEMO_FILE)


def load_demo_data(path: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((path or demo_path()).read_text(encoding="utf-8"))
    return data


def demo_operation(data: Mapping[str, Any] | None = None) -> BulkCreate:
    """One operation that creates the whole demo project (one undo step, one sync batch)."""
    rows = _DemoBuilder(data if data is not None else load_demo_data()).rows()
    return BulkCreate(tuple(rows), QT_TRANSLATE_NOOP("Operation", "Load demo project"))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


@dataclass
class _DemoBuilder:
    data: Mapping[str, Any]
    out: list[Row] = field(default_factory=list)
    fields: dict[str, uuid.UUID] = field(default_factory=dict)
    boards: dict[str, uuid.UUID] = field(default_factory=dict)
    clusters: dict[tuple[str, str], uuid.UUID] = field(default_factory=dict)
    workshops: dict[str, uuid.UUID] = field(default_factory=dict)
    phases: dict[str, uuid.UUID] = field(default_factory=dict)
    measures: dict[str, uuid.UUID] = field(default_factory=dict)

    def add(self, kind: str, values: Mapping[str, Any]) -> uuid.UUID:
        entity_id = fresh_id()
        self.out.append((kind, entity_id, values))
        return entity_id

    def rows(self) -> list[Row]:
        project = self.data["project"]
        project_id = self.add("project", {
            "name": project["name"], "description": project.get("description", ""),
            "starts_on": _date(project.get("starts_on")), "ends_on": _date(project.get("ends_on")),
        })
        field_keys = spread_keys(len(self.data["fields_of_action"]))
        for entry, key in zip(self.data["fields_of_action"], field_keys, strict=True):
            self.fields[entry["key"]] = self.add("field_of_action", {
                "project_id": project_id, "name": entry["name"],
                "description": entry.get("description", ""), "colour": entry["colour"],
                "order_key": key,
            })
        phase_keys = spread_keys(len(self.data.get("phases", [])))
        for entry, key in zip(self.data.get("phases", []), phase_keys, strict=True):
            self.phases[entry["key"]] = self.add("phase", {
                "project_id": project_id, "name": entry["name"],
                "starts_on": _date(entry["starts_on"]), "ends_on": _date(entry["ends_on"]),
                "colour": entry["colour"], "order_key": key,
            })
        for workshop in self.data["workshops"]:
            self._workshop(project_id, workshop)
        for entry in self.data.get("measures", []):
            self._measure(project_id, entry)
        for entry in self.data.get("milestones", []):
            self.add("milestone", {
                "project_id": project_id,
                "phase_id": self.phases.get(entry.get("phase") or ""),
                "title": entry["title"], "due_on": _date(entry["due_on"]),
                "status": entry.get("status", "planned"), "owner": entry.get("owner", ""),
                "description": entry.get("description", ""),
                "workshop_id": self.workshops.get(entry.get("workshop") or ""),
                "measure_id": self.measures.get(entry.get("measure") or ""),
            })
        return _grouped_by_kind(self.out)

    def _workshop(self, project_id: uuid.UUID, entry: Mapping[str, Any]) -> None:
        workshop_id = self.add("workshop", {
            "project_id": project_id, "title": entry["title"], "venue": entry.get("venue", ""),
            "starts_on": _date(entry.get("starts_on")), "ends_on": _date(entry.get("ends_on")),
            "description": entry.get("description", ""),
        })
        self.workshops[entry["key"]] = workshop_id
        start = dt.datetime.combine(_date(entry.get("starts_on")) or dt.date(2022, 1, 1),
                                    dt.time(9, 30))
        board_keys = spread_keys(len(entry.get("boards", [])))
        for board, order_key in zip(entry.get("boards", []), board_keys, strict=True):
            self._board(workshop_id, board, order_key, start)
        ballot_keys = spread_keys(len(entry.get("ballots", [])))
        for ballot, order_key in zip(entry.get("ballots", []), ballot_keys, strict=True):
            self._ballot(workshop_id, ballot, order_key, start)
        day_keys = spread_keys(len(entry.get("days", [])))
        for day, order_key in zip(entry.get("days", []), day_keys, strict=True):
            self._day(workshop_id, day, order_key)

    def _day(self, workshop_id: uuid.UUID, entry: Mapping[str, Any], order_key: str) -> None:
        day_id = self.add("agenda_day", {
            "workshop_id": workshop_id, "day": _date(entry.get("day")),
            "starts_at": _time(entry.get("starts_at")) or dt.time(9, 0), "order_key": order_key,
        })
        items = entry.get("items", [])
        for item, item_key in zip(items, spread_keys(len(items)), strict=True):
            item_id = self.add("agenda_item", {
                "day_id": day_id, "order_key": item_key, "title": item["title"],
                "duration_min": int(item["duration_min"]), "category": item.get("category", ""),
                "method": item.get("method", ""), "goal": item.get("goal", ""),
                "responsible": item.get("responsible", ""), "room": item.get("room", ""),
                "notes": item.get("notes", ""),
                "facilitator_only": bool(item.get("facilitator_only", False)),
                "pinned_at": _time(item.get("pinned_at")),
                "board_id": self.boards.get(item.get("board") or ""),
            })
            for material in item.get("materials", []):
                self.add("agenda_material", {"item_id": item_id, "name": material["name"],
                                             "quantity": int(material.get("quantity", 1))})
            tracks = item.get("tracks", [])
            for track, track_key in zip(tracks, spread_keys(len(tracks)), strict=True):
                self.add("agenda_track", {
                    "item_id": item_id, "order_key": track_key, "title": track["title"],
                    "room": track.get("room", ""), "facilitator": track.get("facilitator", ""),
                    "board_id": self.boards.get(track.get("board") or ""),
                })

    def _board(self, workshop_id: uuid.UUID, entry: Mapping[str, Any], order_key: str,
               start: dt.datetime) -> None:
        board_id = self.add("board", {
            "workshop_id": workshop_id, "title": entry["title"], "order_key": order_key,
            "field_of_action_id": self.fields.get(entry.get("field_of_action") or ""),
        })
        self.boards[entry["key"]] = board_id
        minute = 0
        bottom = 0.0
        clusters = entry.get("clusters", [])
        frames = _cluster_frames([len(cluster.get("ideas", [])) for cluster in clusters])
        for cluster, frame in zip(clusters, frames, strict=True):
            ideas = cluster.get("ideas", [])
            cluster_id = self.add("cluster", {
                "board_id": board_id, "title": cluster["title"], "colour": cluster["colour"],
                **frame,
            })
            self.clusters[(entry["key"], cluster["key"])] = cluster_id
            bottom = max(bottom, frame["y"] + frame["height"])
            for slot, (x, y) in zip(range(len(ideas)), _note_slots(frame), strict=False):
                minute += 1
                self._idea(board_id, ideas[slot], x=x, y=y, cluster_id=cluster_id,
                           created_at=start + dt.timedelta(minutes=minute))
        loose = entry.get("unclustered", [])
        for slot, idea in enumerate(loose):
            minute += 1
            x = slot * (NOTE_WIDTH + GAP)
            self._idea(board_id, idea, x=x, y=bottom + 3 * GAP, cluster_id=None,
                       created_at=start + dt.timedelta(minutes=minute))

    def _idea(self, board_id: uuid.UUID, entry: Mapping[str, Any], *, x: float, y: float,
              cluster_id: uuid.UUID | None, created_at: dt.datetime) -> None:
        self.add("idea", {
            "board_id": board_id, "cluster_id": cluster_id, "text": entry["text"],
            "field_of_action_id": self.fields.get(entry.get("field_of_action") or ""),
            "colour": entry.get("colour", NOTE_COLOUR), "x": x, "y": y,
            "author": entry.get("author", ""), "source": entry.get("source", "typed"),
            "state": "board", "created_at": created_at,
        })

    def _ballot(self, workshop_id: uuid.UUID, entry: Mapping[str, Any], order_key: str,
                start: dt.datetime) -> None:
        ballot_id = self.add("ballot", {
            "workshop_id": workshop_id, "board_id": self.boards.get(entry.get("board") or ""),
            "title": entry["title"], "question": entry.get("question", ""),
            "kind": entry["kind"], "settings": dict(entry.get("settings", {})),
            "status": entry.get("status", "draft"), "order_key": order_key,
        })
        options = entry.get("options", [])
        dots = max(1, int(entry.get("settings", {}).get("dots_per_person", 3)))
        total = sum(int(option.get("votes", 0)) for option in options)
        voters = _anonymous_voters(ballot_id, max(1, -(-total // dots)))
        cast = 0
        for option, option_key in zip(options, spread_keys(len(options)), strict=True):
            cluster = self.clusters.get((entry.get("board") or "", option.get("cluster") or ""))
            option_id = self.add("ballot_option", {
                "ballot_id": ballot_id, "label": option["label"], "cluster_id": cluster,
                "order_key": option_key,
            })
            for _ in range(int(option.get("votes", 0))):
                # Dealt round the voters, so nobody holds more than their dots.
                self.add("vote", {
                    "ballot_id": ballot_id, "option_id": option_id,
                    "voter_hash": voters[cast % len(voters)],
                    "client_vote_id": uuid.uuid4().hex, "value": 1.0,
                    "cast_at": start + dt.timedelta(hours=5, seconds=cast),
                })
                cast += 1
            if option.get("paper"):
                self.add("paper_tally", {"option_id": option_id, "count": int(option["paper"]),
                                         "note": ""})

    def _measure(self, project_id: uuid.UUID, entry: Mapping[str, Any]) -> None:
        measure_id = self.add("measure", {
            "project_id": project_id, "title": entry["title"],
            "description": entry.get("description", ""),
            "field_of_action_id": self.fields.get(entry.get("field_of_action") or ""),
            "owner": entry.get("owner", ""), "status": entry.get("status", "proposed"),
            "priority": entry.get("priority"), "starts_on": _date(entry.get("starts_on")),
            "ends_on": _date(entry.get("ends_on")),
        })
        self.measures[entry["key"]] = measure_id
        for source in entry.get("sources", []):
            cluster = self.clusters.get((source.get("board", ""), source.get("cluster", "")))
            if cluster is not None:
                self.add("measure_source", {"measure_id": measure_id, "cluster_id": cluster})


def _cluster_frames(note_counts: list[int]) -> list[dict[str, float]]:
    """Frames in rows of three; each row as tall as its tallest frame needs."""
    width = NOTES_PER_ROW * NOTE_WIDTH + (NOTES_PER_ROW + 1) * GAP
    heights = [CLUSTER_HEADER + max(1, -(-count // NOTES_PER_ROW)) * (NOTE_HEIGHT + GAP) + GAP
               for count in note_counts]
    frames = []
    top = 0.0
    for first in range(0, len(heights), CLUSTERS_PER_ROW):
        row = heights[first:first + CLUSTERS_PER_ROW]
        for column, height in enumerate(row):
            frames.append({"x": column * (width + 3 * GAP), "y": top, "width": width,
                           "height": height})
        top += max(row) + 3 * GAP
    return frames


def _note_slots(frame: Mapping[str, float]) -> Iterator[tuple[float, float]]:
    slot = 0
    while True:
        column, row = slot % NOTES_PER_ROW, slot // NOTES_PER_ROW
        yield (frame["x"] + GAP + column * (NOTE_WIDTH + GAP),
               frame["y"] + CLUSTER_HEADER + row * (NOTE_HEIGHT + GAP))
        slot += 1


def _anonymous_voters(ballot_id: uuid.UUID, count: int) -> list[str]:
    return [hashlib.sha256(f"demo:{ballot_id}:{n}".encode()).hexdigest() for n in range(count)]


_KIND_ORDER = (
    "project", "field_of_action", "phase", "workshop", "board", "cluster", "idea", "ballot",
    "ballot_option", "vote", "paper_tally", "agenda_day", "agenda_item", "agenda_material",
    "agenda_track", "measure", "measure_source", "milestone",
)


def _grouped_by_kind(rows: list[Row]) -> list[Row]:
    """Owners before what they own, and one kind at a time for batched inserts."""
    rank = {kind: i for i, kind in enumerate(_KIND_ORDER)}
    return sorted(rows, key=lambda row: rank[row[0]])
