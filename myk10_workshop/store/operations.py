"""Operations: every change to the store is one named, validated operation.

An operation checks its input (:meth:`Operation.validate`, pure), then changes rows inside
one transaction through a :class:`Tx`, which records each field it sets in the change log
(for sync) and collects a :class:`ChangeSet` (for views). ``apply`` returns the inverse
operation, computed from the rows as they were, which is what undo runs.

Deletes are tombstones: ``deleted`` is set, never a row removed, so sync can carry them and
undo can bring them back with the same ids.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
import weakref
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, cast

from sqlalchemy import (
    Connection,
    Dialect,
    Executable,
    Result,
    Table,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from myk10_workshop.i18n import QT_TRANSLATE_NOOP, Message
from myk10_workshop.store.entities import (
    EntityRule,
    children_of,
    rule,
    validate_row,
    validate_values,
)
from myk10_workshop.store.errors import ValidationError
from myk10_workshop.store.ids import fresh_id
from myk10_workshop.store.order_keys import key_between
from myk10_workshop.store.schema import ChangeLogEntry

EntityRef = tuple[str, uuid.UUID]
T = TypeVar("T")


def utc_now() -> dt.datetime:
    """Stored date-times are naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


#: The change log's field of a row created whole: its value holds every field of the row
#: (a JSON object), as if each were logged on its own with the same stamp. Ten fields of a
#: new row are one entry instead of ten: a vote of a burst writes five rows.
CREATED = "*"


def _created(row: Mapping[str, Any]) -> dict[str, Any]:
    """A new row's fields as the change log keeps them (``deleted`` included)."""
    logged = {name: encode(value) for name, value in row.items() if name != "id"}
    logged["deleted"] = False
    return logged


def encode(value: Any) -> Any:
    """A JSON-safe form of a stored value, for the change log."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return value


# --------------------------------------------------------------------------- change sets


@dataclass(frozen=True)
class ChangeSet:
    """Which rows of which kinds an operation changed; what views refresh from.

    ``created`` holds rows that appeared (created or restored by undo), ``updated`` the
    fields changed per row, ``deleted`` rows that disappeared (tombstoned).
    """

    created: Mapping[str, frozenset[uuid.UUID]] = field(default_factory=dict)
    updated: Mapping[str, Mapping[uuid.UUID, frozenset[str]]] = field(default_factory=dict)
    deleted: Mapping[str, frozenset[uuid.UUID]] = field(default_factory=dict)

    def kinds(self) -> frozenset[str]:
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def touches(self, *kinds: str) -> bool:
        return not self.kinds().isdisjoint(kinds)

    def ids(self, kind: str) -> frozenset[uuid.UUID]:
        return (
            self.created.get(kind, frozenset())
            | frozenset(self.updated.get(kind, {}))
            | self.deleted.get(kind, frozenset())
        )

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def merged(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet.union((self, other))

    @staticmethod
    def union(change_sets: Iterable[ChangeSet]) -> ChangeSet:
        """Everything the sets changed, as if one operation had made all the changes."""
        builder = _ChangeSetBuilder()
        for change_set in change_sets:
            builder.absorb(change_set)
        return builder.build()


class _ChangeSetBuilder:
    def __init__(self) -> None:
        self.created: dict[str, set[uuid.UUID]] = defaultdict(set)
        self.updated: dict[str, dict[uuid.UUID, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.deleted: dict[str, set[uuid.UUID]] = defaultdict(set)

    def touched(self, kinds: Iterable[str]) -> bool:
        """Whether rows of any of these kinds appeared, changed or disappeared."""
        return any(self.created.get(kind) or self.updated.get(kind) or self.deleted.get(kind)
                   for kind in kinds)

    def appeared(self, kind: str, entity_id: uuid.UUID) -> None:
        self.deleted[kind].discard(entity_id)
        self.created[kind].add(entity_id)

    def changed(self, kind: str, entity_id: uuid.UUID, fields: Iterable[str]) -> None:
        self.updated[kind][entity_id].update(fields)

    def disappeared(self, kind: str, entity_id: uuid.UUID) -> None:
        if entity_id in self.created[kind]:
            self.created[kind].discard(entity_id)
        self.deleted[kind].add(entity_id)

    def absorb(self, other: ChangeSet) -> None:
        for kind, ids in other.created.items():
            for entity_id in ids:
                self.appeared(kind, entity_id)
        for kind, rows in other.updated.items():
            for entity_id, fields in rows.items():
                self.changed(kind, entity_id, fields)
        for kind, ids in other.deleted.items():
            for entity_id in ids:
                self.disappeared(kind, entity_id)

    def build(self) -> ChangeSet:
        return ChangeSet(
            created=MappingProxyType({k: frozenset(v) for k, v in self.created.items() if v}),
            updated=MappingProxyType({
                k: MappingProxyType({i: frozenset(f) for i, f in rows.items()})
                for k, rows in self.updated.items() if rows
            }),
            deleted=MappingProxyType({k: frozenset(v) for k, v in self.deleted.items() if v}),
        )


# --------------------------------------------------------------------------- row writing

# Values per statement of the multi-row inserts: SQLite's limit before 3.32 (999).
MAX_PARAMETERS = 999

Processor = Callable[[Any], Any]


class RowWriter:
    """Writes many rows of one table in few statements, straight on the DBAPI connection.

    A multi-row ``INSERT ... VALUES (...), (...)`` is one step of SQLite (an ``executemany``
    is one per row, each giving up and taking back the GIL), and skips SQLAlchemy's
    per-statement work. The values are converted by the column types' own bind processors,
    so the stored text is exactly what a Core insert stores.
    """

    def __init__(self, table: Table, dialect: Dialect, columns: Sequence[str]) -> None:
        self.table = table
        self._dialect = dialect
        self._read_id: Processor | None = None
        self.columns = tuple(columns)
        self.processors: tuple[Processor | None, ...] = tuple(
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in self.columns)
        self.per_statement = max(1, MAX_PARAMETERS // len(self.columns))
        self._sql: dict[int, str] = {}
        names = ", ".join(f'"{name}"' for name in self.columns)
        self._head = f'INSERT INTO "{table.name}" ({names}) VALUES '
        self._marks = "(" + ", ".join("?" * len(self.columns)) + ")"

    def processor(self, column: str) -> Processor:
        found = self.processors[self.columns.index(column)]
        return found if found is not None else _same

    def bind_one(self, column: str, value: Any) -> Any:
        """One value of ``column`` as the driver takes it."""
        return None if value is None else self.processor(column)(value)

    @property
    def read_id(self) -> Processor:
        """Turns a stored id (as the driver returns it) back into a UUID."""
        if self._read_id is None:
            dialect = self._dialect
            found = self.table.c.id.type.dialect_impl(dialect).result_processor(dialect, None)
            self._read_id = found if found is not None else _same
        return self._read_id

    def bind(self, values: Sequence[Any]) -> list[Any]:
        """One row's values (in column order) as the driver takes them."""
        return [value if process is None or value is None else process(value)
                for process, value in zip(self.processors, values, strict=True)]

    def insert(self, db: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows of values already bound (see :meth:`bind`)."""
        step = self.per_statement
        for start in range(0, len(rows), step):
            chunk = rows[start:start + step]
            sql = self._sql.get(len(chunk))
            if sql is None:
                sql = self._sql[len(chunk)] = self._head + ", ".join(
                    [self._marks] * len(chunk))
            db.execute(sql, [value for row in chunk for value in row])


def _same(value: Any) -> Any:
    return value


_LOG_COLUMNS = ("op_id", "op_name", "entity", "entity_id", "field", "value", "hlc",
                "device_id")
# Per dialect (one per engine), per table: made once, used by every transaction.
_WRITERS: weakref.WeakKeyDictionary[Dialect, dict[str, RowWriter]] = (
    weakref.WeakKeyDictionary())


def row_writer(table: Table, dialect: Dialect) -> RowWriter:
    """The :class:`RowWriter` of ``table`` (every column; the change log's without ``seq``)."""
    writers = _WRITERS.setdefault(dialect, {})
    writer = writers.get(table.name)
    if writer is None:
        columns = (_LOG_COLUMNS if table is ChangeLogEntry.__table__
                   else [column.name for column in table.c])
        writer = writers[table.name] = RowWriter(table, dialect, columns)
    return writer


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _chunks(values: Sequence[Any], size: int = MAX_PARAMETERS) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --------------------------------------------------------------------------- transaction


class WriterMemo:
    """Reads the writer keeps from one operation to the next: each with the count of
    committed changes to the kinds of rows it was read from (``Store.change_count``), and
    read again once one of them changed. A vote needs its ballot and options; a burst of
    300 phones would read them 1,500 times, each row a step of SQLite that gives up the
    interpreter lock and waits to get it back. Only the writer thread uses it."""

    MAX_ENTRIES = 256

    def __init__(self, count: Callable[..., int]) -> None:
        self._count = count
        self._entries: dict[Hashable, tuple[int, Any]] = {}

    def get(self, key: Hashable, kinds: tuple[str, ...], read: Callable[[], T]) -> T:
        count = self._count(*kinds)
        found = self._entries.get(key)
        if found is not None and found[0] == count:
            return cast(T, found[1])
        value = read()
        if len(self._entries) >= self.MAX_ENTRIES:
            self._entries.clear()
        self._entries[key] = (count, value)
        return value


class Tx:
    """One operation's view of the database: reads rows, writes rows, records every change."""

    def __init__(self, session: Session, *, op_id: uuid.UUID, op_name: str, stamp: int,
                 device_id: uuid.UUID, memo: WriterMemo | None = None) -> None:
        self.session = session
        self._memo = memo if memo is not None else WriterMemo(lambda *_kinds: 0)
        self.op_id = op_id
        self.op_name = op_name
        self.stamp = stamp
        self.device_id = device_id
        # Change-log rows: (op_name, kind, entity_id, field, value), the rest is the Tx's.
        self._log: list[tuple[str, str, uuid.UUID, str, Any]] = []
        self._changes = _ChangeSetBuilder()
        self._connection: Connection | None = None
        self._driver: sqlite3.Connection | None = None
        self._dialect: Dialect | None = None
        # Last order key per (kind, parent) handed out in this transaction: rows of a bulk
        # insert are written after all keys are chosen, so the database cannot tell.
        self._last_keys: dict[tuple[str, uuid.UUID | None], str | None] = {}

    # reading
    def get(self, kind: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
        table = rule(kind).table
        row = self.session.execute(select(table).where(table.c.id == entity_id)).mappings().first()
        return dict(row) if row is not None else None

    def require(self, kind: str, entity_id: uuid.UUID) -> dict[str, Any]:
        """The live row, or a refusal saying it is gone (deleted meanwhile, or never was)."""
        row = self.get(kind, entity_id)
        if row is None or row["deleted"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "This {entity} no longer exists.").with_params(
                    entity=rule(kind).label))
        return row

    def children(self, kind: str, entity_id: uuid.UUID) -> list[EntityRef]:
        """Live rows owned directly by this one."""
        found: list[EntityRef] = []
        for child in children_of(kind):
            table = child.table
            column = table.c[child.parent]
            query = select(table.c.id).where(column == entity_id, table.c.deleted.is_(False))
            found.extend((child.kind, child_id) for child_id in self.session.scalars(query))
        return found

    def last_order_key(self, kind: str, parent_id: uuid.UUID | None) -> str | None:
        entity = rule(kind)
        table = entity.table
        query = select(func.max(table.c.order_key))
        if entity.parent is not None:
            query = query.where(table.c[entity.parent] == parent_id)
        return self.session.scalar(query)

    # writing
    def insert(self, kind: str, entity_id: uuid.UUID, values: Mapping[str, Any]) -> None:
        entity = rule(kind)
        row = self._full_row(entity, values)
        self._check_refs(entity, row)
        validate_row(kind, row)
        self.session.execute(insert(entity.table).values(id=entity_id, deleted=False, **row))
        self._record(kind, entity_id, CREATED, _created(row))
        self._changes.appeared(kind, entity_id)

    def update(self, kind: str, entity_id: uuid.UUID, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Apply ``changes`` to a live row; return the old values of the fields that changed."""
        entity = rule(kind)
        current = self.require(kind, entity_id)
        effective = {k: v for k, v in changes.items() if current[k] != v}
        if not effective:
            return {}
        merged = {**current, **effective}
        self._check_refs(entity, effective)
        validate_row(kind, merged)
        table = entity.table
        self.session.execute(update(table).where(table.c.id == entity_id).values(**effective))
        for name, value in effective.items():
            self._record(kind, entity_id, name, value)
        self._changes.changed(kind, entity_id, effective)
        return {k: current[k] for k in effective}

    def set_deleted(self, kind: str, entity_id: uuid.UUID, deleted: bool) -> bool:
        """Tombstone or revive a row; False when it already was so."""
        table = rule(kind).table
        result = self.session.execute(
            update(table).where(table.c.id == entity_id, table.c.deleted.is_(not deleted))
            .values(deleted=deleted))
        if not result.rowcount:  # type: ignore[attr-defined]
            return False
        self._record(kind, entity_id, "deleted", deleted)
        if deleted:
            self._changes.disappeared(kind, entity_id)
        else:
            self._changes.appeared(kind, entity_id)
        return True

    def bulk_insert(self, kind: str, rows: Sequence[tuple[uuid.UUID, Mapping[str, Any]]], *,
                    refs_checked: bool = False) -> None:
        """Insert many rows in few statements: the path for imports, demo data and votes.

        The rows were validated by the caller. Each distinct reference is checked once
        (rows usually share their board or project), so an import into a board deleted a
        moment ago is refused like a typed note; ``refs_checked``: the caller has just
        checked them in this transaction (a vote's ballot and options).
        """
        if not rows:
            return
        entity = rule(kind)
        checked: set[tuple[str, Any]] = set()
        writer = row_writer(entity.table, self.dialect)
        bound = writer.bind
        record = self._log.append
        appeared = self._changes.appeared
        name = self.op_name
        full = []
        for entity_id, values in rows:
            row = self._full_row(entity, values)
            validate_row(kind, row)
            if not refs_checked:
                references = {field: value for field, value in values.items()
                              if entity.fields[field].ref is not None and value is not None
                              and (field, value) not in checked}
                if references:
                    self._check_refs(entity, references)
                    checked.update(references.items())
            logged = _created(row)
            row["id"] = entity_id
            row["deleted"] = False
            full.append(bound([row[column] for column in writer.columns]))
            record((name, kind, entity_id, CREATED, logged))
            appeared(kind, entity_id)
        writer.insert(self.driver, full)

    def tombstone_where(self, kind: str, **equal: Any) -> list[uuid.UUID]:
        """Tombstone every live row of ``kind`` whose fields equal ``equal``; their ids.

        One query and one update however many rows (a phone's previous vote), straight on
        the driver: this runs for every vote of a burst.
        """
        entity = rule(kind)
        writer = row_writer(entity.table, self.dialect)
        names = sorted(equal)
        table = entity.table.name
        condition = " AND ".join(f'"{name}" = ?' for name in names)
        db = self.driver
        found = db.execute(f'SELECT id FROM "{table}" WHERE deleted = 0 AND {condition}',
                           [writer.bind_one(name, equal[name]) for name in names]).fetchall()
        if not found:
            return []
        stored = [row[0] for row in found]
        for chunk in _chunks(stored):
            db.execute(f'UPDATE "{table}" SET deleted = 1 WHERE id IN ({_marks(len(chunk))})',
                       chunk)
        read_id = writer.read_id
        gone = [read_id(value) for value in stored]
        for entity_id in gone:
            self._record(kind, entity_id, "deleted", True)
            self._changes.disappeared(kind, entity_id)
        return gone

    def any_where_in(self, kind: str, column: str, values: Sequence[Any]) -> bool:
        """Whether any row of ``kind`` (live or not) has one of ``values`` in ``column``."""
        if not values:
            return False
        entity = rule(kind)
        writer = row_writer(entity.table, self.dialect)
        for chunk in _chunks(values):
            if self.driver.execute(
                    f'SELECT 1 FROM "{entity.table.name}" WHERE "{column}" IN '
                    f'({_marks(len(chunk))}) LIMIT 1',
                    [writer.bind_one(column, value) for value in chunk]).fetchone():
                return True
        return False

    def remember(self, key: Hashable, kinds: tuple[str, ...], read: Callable[[], T]) -> T:
        """``read()``, or what it gave for ``key`` before if no row of ``kinds`` changed
        since (see :class:`WriterMemo`); always read when this operation itself changed
        such rows (the memo knows only of committed changes)."""
        if self._changes.touched(kinds):
            return read()
        return self._memo.get(key, kinds, read)

    def rows(self, statement: Executable, params: Mapping[str, Any] | None = None,
             ) -> Result[Any]:
        """Run a Core statement built once (with ``bindparam``) on the transaction's
        connection: no statement building, no ORM session work per call."""
        return self.connection.execute(statement, params)

    def flush(self) -> None:
        """Write the change log of the operation (few statements, see :class:`RowWriter`)."""
        rows = self.log_rows()
        if rows:
            self.log_writer_of(self.session).insert(self.driver, rows)

    def log_rows(self) -> list[tuple[Any, ...]]:
        """The operation's change log so far, as rows the driver takes (and forget them):
        for :meth:`flush`, or for a group of operations that writes its log at once."""
        if not self._log:
            return []
        writer = self.log_writer_of(self.session)
        op_id, entity_id, value, hlc, device_id = (writer.processor(column) for column in (
            "op_id", "entity_id", "value", "hlc", "device_id"))
        op, stamp, device = op_id(self.op_id), hlc(self.stamp), device_id(self.device_id)
        rows = [(op, op_name, kind, entity_id(row_id), name, value(logged), stamp, device)
                for op_name, kind, row_id, name, logged in self._log]
        self._log.clear()
        return rows

    @staticmethod
    def log_writer_of(session: Session) -> RowWriter:
        """The change log's writer for the session's database (see :meth:`log_rows`)."""
        return row_writer(cast(Table, ChangeLogEntry.__table__), session.get_bind().dialect)

    @property
    def dialect(self) -> Dialect:
        if self._dialect is None:
            self._dialect = self.session.get_bind().dialect
        return self._dialect

    @property
    def connection(self) -> Connection:
        """The Core connection of the session's transaction."""
        if self._connection is None:
            self._connection = self.session.connection()
        return self._connection

    @property
    def driver(self) -> sqlite3.Connection:
        """The SQLite connection under the session, in the operation's transaction."""
        if self._driver is None:
            driver = self.connection.connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            self._driver = driver
        return self._driver

    @property
    def changes(self) -> ChangeSet:
        return self._changes.build()

    # internals
    def _record(self, kind: str, entity_id: uuid.UUID, name: str, value: Any) -> None:
        self._log.append((self.op_name, kind, entity_id, name, encode(value)))

    def _full_row(self, entity: EntityRule, values: Mapping[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name in entity.fields:
            if name in values:
                row[name] = values[name]
                continue
            column = entity.table.c[name]
            default = column.default
            if default is None:
                row[name] = None
            elif default.is_callable:
                row[name] = default.arg(None)
            else:
                row[name] = default.arg
        if "created_at" in entity.fields and row.get("created_at") is None:
            row["created_at"] = utc_now()
        if "order_key" in entity.fields:
            parent_id = row.get(entity.parent) if entity.parent else None
            slot = (entity.kind, parent_id)
            if row.get("order_key") is None:
                if slot not in self._last_keys:
                    self._last_keys[slot] = self.last_order_key(entity.kind, parent_id)
                row["order_key"] = key_between(self._last_keys[slot], None)
            last = self._last_keys.get(slot)
            if slot in self._last_keys and (last is None or row["order_key"] > last):
                self._last_keys[slot] = row["order_key"]
        return row

    def _check_refs(self, entity: EntityRule, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            target = entity.fields[name].ref
            if target is None or value is None:
                continue
            row = self.get(target, value)
            if row is None or row["deleted"]:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "The chosen {field} no longer exists.")
                    .with_params(field=entity.fields[name].label), name)


# --------------------------------------------------------------------------- operations


class Operation(ABC):
    """A named, validated change. ``apply`` returns the operation that undoes it."""

    name: ClassVar[str]
    # Whether the writer may commit it together with the groupable operations queued right
    # behind it (votes of a burst): a refused one changes nothing of the others; none is
    # reported saved before the one commit. Such an operation refuses before it writes
    # anything (else the whole group is written again, each operation in a savepoint);
    # it writes through Core statements and the driver only. See
    # :meth:`Store.apply_group`.
    groupable: ClassVar[bool] = False

    @property
    @abstractmethod
    def label(self) -> Message:
        """What the user sees in the undo menu."""

    def validate(self) -> None:  # noqa: B027 - optional hook
        """Check the input without touching the database; raise ValidationError."""

    @abstractmethod
    def apply(self, tx: Tx) -> Operation:
        """Change rows through ``tx``; return the inverse operation."""


@dataclass(frozen=True)
class OpResult:
    op_id: uuid.UUID
    stamp: int
    changes: ChangeSet
    inverse: Operation


@dataclass(frozen=True)
class Create(Operation):
    kind: str
    values: Mapping[str, Any]
    id: uuid.UUID = field(default_factory=fresh_id)
    name: ClassVar[str] = "create"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Create {entity}").with_params(
            entity=rule(self.kind).label)

    def validate(self) -> None:
        validate_values(self.kind, self.values, creating=True)

    def apply(self, tx: Tx) -> Operation:
        tx.insert(self.kind, self.id, self.values)
        return Delete(self.kind, self.id)


@dataclass(frozen=True)
class Update(Operation):
    kind: str
    id: uuid.UUID
    changes: Mapping[str, Any]
    name: ClassVar[str] = "update"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Change {entity}").with_params(
            entity=rule(self.kind).label)

    def validate(self) -> None:
        validate_values(self.kind, self.changes, creating=False)

    def apply(self, tx: Tx) -> Operation:
        old = tx.update(self.kind, self.id, self.changes)
        return Update(self.kind, self.id, old) if old else NoOp()


@dataclass(frozen=True)
class Delete(Operation):
    """Tombstone a row and everything it owns; undo brings exactly those back."""

    kind: str
    id: uuid.UUID
    name: ClassVar[str] = "delete"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Delete {entity}").with_params(
            entity=rule(self.kind).label)

    def apply(self, tx: Tx) -> Operation:
        tx.require(self.kind, self.id)
        removed: list[EntityRef] = []
        pending: list[EntityRef] = [(self.kind, self.id)]
        while pending:
            kind, entity_id = pending.pop()
            pending.extend(tx.children(kind, entity_id))
            if tx.set_deleted(kind, entity_id, True):
                removed.append((kind, entity_id))
        return Restore(tuple(removed))


@dataclass(frozen=True)
class Restore(Operation):
    items: tuple[EntityRef, ...]
    name: ClassVar[str] = "restore"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Restore")

    def apply(self, tx: Tx) -> Operation:
        restored = tuple(item for item in self.items if tx.set_deleted(*item, False))
        return Tombstone(restored)


@dataclass(frozen=True)
class Tombstone(Operation):
    """Delete exactly these rows (the inverse of a restore)."""

    items: tuple[EntityRef, ...]
    name: ClassVar[str] = "delete"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Delete")

    def apply(self, tx: Tx) -> Operation:
        removed = tuple(item for item in self.items if tx.set_deleted(*item, True))
        return Restore(removed)


@dataclass(frozen=True)
class Batch(Operation):
    """Several operations as one: one transaction, one undo step."""

    operations: tuple[Operation, ...]
    batch_label: Message
    name: ClassVar[str] = "batch"

    @property
    def label(self) -> Message:
        return self.batch_label

    def validate(self) -> None:
        for operation in self.operations:
            operation.validate()

    def apply(self, tx: Tx) -> Operation:
        inverses = [operation.apply(tx) for operation in self.operations]
        return Batch(tuple(reversed(inverses)), self.batch_label)


@dataclass(frozen=True)
class BulkCreate(Operation):
    """Many new rows at once through Core inserts (imports, demo data).

    ``rows`` are (kind, id, values) in dependency order: owners before what they own.
    """

    rows: tuple[tuple[str, uuid.UUID, Mapping[str, Any]], ...]
    bulk_label: Message
    name: ClassVar[str] = "bulk_create"

    @property
    def label(self) -> Message:
        return self.bulk_label

    def validate(self) -> None:
        for kind, _entity_id, values in self.rows:
            validate_values(kind, values, creating=True)

    def apply(self, tx: Tx) -> Operation:
        start = 0
        # Consecutive rows of one kind go in one executemany.
        while start < len(self.rows):
            kind = self.rows[start][0]
            end = start
            while end < len(self.rows) and self.rows[end][0] == kind:
                end += 1
            tx.bulk_insert(kind, [(entity_id, values) for _, entity_id, values
                                  in self.rows[start:end]])
            start = end
        return Tombstone(tuple((kind, entity_id) for kind, entity_id, _ in self.rows))


@dataclass(frozen=True)
class NoOp(Operation):
    name: ClassVar[str] = "noop"

    @property
    def label(self) -> Message:
        return QT_TRANSLATE_NOOP("Operation", "Nothing")

    def apply(self, tx: Tx) -> Operation:
        return self


@dataclass(frozen=True)
class Deferred(Operation):
    """An operation known only when the writer reaches it, e.g. "the inverse of that one".

    Undo queues the inverse of an operation that may still be waiting in the writer's
    queue; the writer runs operations in order, so by the time this one runs, ``resolve``
    can read the earlier result.
    """

    resolve: Callable[[], Operation]
    deferred_label: Message
    name: ClassVar[str] = "deferred"

    @property
    def label(self) -> Message:
        return self.deferred_label

    def apply(self, tx: Tx) -> Operation:
        operation = self.resolve()
        tx.op_name = operation.name
        operation.validate()
        return operation.apply(tx)

