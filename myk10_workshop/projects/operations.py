"""Named operations on projects, workshops and fields of action."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from myk10_workshop.store.operations import Create, Delete, Update

# Colours for new fields of action, picked in turn (readable on white and on a projector).
FIELD_COLOURS = (
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
    "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#79706e",
)


def create_project(name: str, *, description: str = "", starts_on: dt.date | None = None,
                   ends_on: dt.date | None = None) -> Create:
    return Create("project", {"name": name, "description": description,
                              "starts_on": starts_on, "ends_on": ends_on})


def create_workshop(project_id: uuid.UUID, title: str, *, venue: str = "",
                    starts_on: dt.date | None = None, ends_on: dt.date | None = None,
                    description: str = "") -> Create:
    return Create("workshop", {"project_id": project_id, "title": title, "venue": venue,
                               "starts_on": starts_on, "ends_on": ends_on,
                               "description": description})


def create_field_of_action(project_id: uuid.UUID, name: str, *, colour: str | None = None,
                           index: int = 0, description: str = "") -> Create:
    return Create("field_of_action", {
        "project_id": project_id, "name": name, "description": description,
        "colour": colour or FIELD_COLOURS[index % len(FIELD_COLOURS)],
    })


# What the navigator lists, and the field that names each.
NAME_FIELDS = {"project": "name", "workshop": "title", "field_of_action": "name"}
NAVIGATOR_KINDS = tuple(NAME_FIELDS)


def edit(kind: str, entity_id: uuid.UUID, **changes: Any) -> Update:
    """Change fields of a project, workshop or field of action."""
    if kind not in NAME_FIELDS:
        raise ValueError(f"not a navigator entity: {kind}")
    return Update(kind, entity_id, changes)


def rename(kind: str, entity_id: uuid.UUID, name: str) -> Update:
    """Give a project, workshop or field of action a new name (a workshop's is its title)."""
    return edit(kind, entity_id, **{NAME_FIELDS[kind]: name})


def delete(kind: str, entity_id: uuid.UUID) -> Delete:
    """Delete with everything it owns; undo brings all of it back."""
    return Delete(kind, entity_id)
