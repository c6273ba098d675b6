"""Reports from a SQL query, records into SQL tables, through SQLAlchemy
(any engine URL: `sqlite:///reports.db`, `postgresql://user@host/db`, ...).

Reading streams the query's rows in batches (a server-side cursor where the
driver has one). Writing creates `PREFIXfindings`, `PREFIXreports` and
`PREFIXhardware` (or `PREFIXnote_nlp` for `--format omop`) with the columns
of `extractor/tables.py` plus `seq`, the row's place in the input (1, 2,
...), and commits each batch of records in one transaction, so the tables
always hold whole reports, in input order. A run with `--resume` continues
after the last `seq` written, once it has checked that the input's row there
has the id written for it. SQLite files are switched to write-ahead logging,
so that one file can be read and written in the same run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .. import tables
from ..schema import ReportRecord
from .readers import InputError, InputRow, _row_from_mapping

URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FETCH = 500  # rows fetched from the server at a time


def is_database_url(value: str) -> bool:
    return bool(URL_RE.match(value))


def _engine(url: str) -> Any:
    try:
        import sqlalchemy as sa
    except ImportError as e:  # pragma: no cover - an extra
        raise InputError(
            "database input and output need SQLAlchemy: pip install 'spine-hardware-extractor[sql]'"
        ) from e
    try:
        engine = sa.create_engine(url)
    except Exception as e:
        raise InputError(
            f"{_safe(url)}: not a usable database URL ({type(e).__name__}: {e})"
        ) from e
    if engine.dialect.name == "sqlite":
        # a query still being read and tables being written in one SQLite
        # file: write-ahead logging lets the two go on together
        @sa.event.listens_for(engine, "connect")
        def _wal(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    return engine


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def sql_rows(
    url: str, query: str | None, *, id_field: str = "id", text_field: str = "text"
) -> Iterator[InputRow]:
    """Check the query now (InputError: it fails, or lacks the id or text
    column), then stream its rows."""
    import sqlalchemy as sa

    if not query:
        raise InputError(f"{_safe(url)}: a database input needs --query")
    engine = _engine(url)
    try:
        conn = engine.connect()
        result = conn.execution_options(stream_results=True).execute(sa.text(query))
    except Exception as e:
        raise InputError(
            f"{_safe(url)}: the query failed ({' '.join(str(e).split())[:300]})"
        ) from e
    columns = list(result.keys())
    missing = [c for c in (id_field, text_field) if c not in columns]
    if missing:
        result.close()
        conn.close()
        raise InputError(
            f"{_safe(url)}: the query gives no column {missing[0]!r} (columns: {columns}); "
            "name them with --id-field and --text-field"
        )
    return _stream(conn, result, id_field, text_field)


def _stream(conn: Any, result: Any, id_field: str, text_field: str) -> Iterator[InputRow]:
    n = 0
    try:
        while True:
            batch = result.fetchmany(FETCH)
            if not batch:
                return
            for row in batch:
                n += 1
                yield _row_from_mapping(dict(row._mapping), id_field, text_field, f"row {n}")
    finally:
        result.close()
        conn.close()


class SqlWriter:
    """Streams records into SQL tables, one transaction a batch."""

    def __init__(self, url: str, *, prefix: str = "spine_", layout: str = "contract") -> None:
        import sqlalchemy as sa

        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", prefix):
            raise InputError(f"--table-prefix {prefix!r}: letters, digits and _ only")
        self.url = url
        self.engine = _engine(url)
        self.layout = layout
        names = ("note_nlp",) if layout == "omop" else tables.TABLE_NAMES
        self.metadata = sa.MetaData()
        kinds = {
            "string": sa.Text,
            "int": sa.BigInteger,
            "float": sa.Float,
            "bool": sa.Boolean,
            "strings": sa.JSON,
            "spans": sa.JSON,
        }
        self.tables = {
            name: sa.Table(
                f"{prefix}{name}",
                self.metadata,
                sa.Column("seq", sa.BigInteger, nullable=False, index=True),
                *(sa.Column(c.name, kinds[c.kind]()) for c in tables.TABLES[name]),
            )
            for name in names
        }
        if layout == "omop":
            from ..omop import NoteNlpRows

            self._rows: dict[str, Any] = {"note_nlp": NoteNlpRows()}
        else:
            self._rows = {name: tables.ROWS[name] for name in names}
        self._order_table = "note_nlp" if layout == "omop" else "reports"

    def prepare(self, resume: bool) -> tuple[int, str | None]:
        """Create the tables; (the last seq written, its id) to resume after,
        (0, None) for a fresh run. Non-empty tables without --resume are refused."""
        import sqlalchemy as sa

        try:
            self.metadata.create_all(self.engine)
            with self.engine.connect() as conn:
                table = self.tables[self._order_table]
                last = conn.execute(sa.select(sa.func.max(table.c.seq))).scalar()
                any_rows = any(
                    conn.execute(sa.select(t.c.seq).limit(1)).first() is not None
                    for t in self.tables.values()
                )
                if self.layout == "omop":
                    note_id = conn.execute(sa.select(sa.func.max(table.c.note_nlp_id))).scalar()
                    self._rows["note_nlp"].next_id = int(note_id or 0) + 1
                rid = None
                if last is not None and self.layout != "omop":
                    rid = conn.execute(sa.select(table.c.id).where(table.c.seq == last)).scalar()
        except Exception as e:
            raise InputError(
                f"{_safe(self.url)}: cannot prepare the tables ({' '.join(str(e).split())[:300]})"
            ) from e
        if any_rows and not resume:
            names = ", ".join(t.name for t in self.tables.values())
            raise InputError(
                f"{_safe(self.url)}: the tables {names} already hold rows; continue with --resume, "
                "or drop them or choose another --table-prefix"
            )
        return int(last or 0), rid

    def write(self, batch: Iterable[tuple[int, ReportRecord]]) -> None:
        """Write (seq, record) pairs in one transaction."""
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self.tables}
        for seq, record in batch:
            for name in self.tables:
                columns = tables.column_names(name)
                for values in self._rows[name](record):
                    rows[name].append({"seq": seq, **dict(zip(columns, values, strict=True))})
        with self.engine.begin() as conn:
            for name, table_rows in rows.items():
                if table_rows:
                    conn.execute(self.tables[name].insert(), table_rows)

    def close(self) -> None:
        self.engine.dispose()

    def names(self) -> list[str]:
        return [f"{_safe(self.url)} table {t.name}" for t in self.tables.values()]
