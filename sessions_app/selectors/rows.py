"""One row by precompiled SQL, for the reads every request or poll makes.

The ORM builds a query's SQL anew each time it runs it, which costs a few hundred microseconds,
where the query itself costs tens: on the hottest paths (the signed-in user and the session
cookie's row on every request, the session row on every progress poll) that is most of a
request. `OneRow` writes its SELECT once and converts the values with the database backend's
own converters, the same the ORM applies, so the values are exactly what the ORM would give.
"""

from typing import Any
from weakref import WeakKeyDictionary

from django.db import connections, models


class OneRow:
    """`SELECT <fields> FROM <model's table> WHERE <where>`, where `where` names fields in
    braces (`"{session_key} = %s AND {expire_date} > %s"`); `fetch` returns the converted
    values by field name, or None when no row matches. Fields in `raw` come as the database
    gave them (a JSON column's text, to be served as it is)."""

    def __init__(
        self,
        model: type[models.Model],
        fields: tuple[str, ...],
        where: str,
        *,
        raw: tuple[str, ...] = (),
    ) -> None:
        self.model = model
        self.fields = fields
        self.where = where
        self.raw = raw
        self._sql_by_vendor: dict[str, str] = {}
        self._converters: WeakKeyDictionary = WeakKeyDictionary()

    def fetch(self, params: list[Any], *, using: str = "default") -> dict[str, Any] | None:
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(self._sql(connection), params)
            row = cursor.fetchone()
        if row is None:
            return None
        values = {}
        for name, raw, (column, converters) in zip(
            self.fields, row, self._converters_for(connection), strict=True
        ):
            for converter in converters:
                raw = converter(raw, column, connection)
            values[name] = raw
        return values

    def prepare(self, field: str, value: Any, *, using: str = "default") -> Any:
        """`value` as the database takes it for `field` (a UUID, an aware datetime, …)."""
        return self._field(field).get_db_prep_value(value, connections[using])

    def _field(self, name: str) -> models.Field:
        meta = self.model._meta
        # "owner_id" names the foreign key's column, as the ORM's attname does.
        for field in meta.concrete_fields:
            if name in (field.name, field.attname):
                return field
        raise LookupError(f"{self.model.__name__} has no field {name!r}")

    def _sql(self, connection) -> str:
        sql = self._sql_by_vendor.get(connection.vendor)
        if sql is None:
            quote = connection.ops.quote_name
            columns = ", ".join(quote(self._field(name).column) for name in self.fields)
            named = {}
            for field in self.model._meta.concrete_fields:
                named[field.name] = named[field.attname] = quote(field.column)
            where = self.where.format(**named)
            sql = f"SELECT {columns} FROM {quote(self.model._meta.db_table)} WHERE {where}"
            self._sql_by_vendor[connection.vendor] = sql
        return sql

    def _converters_for(self, connection) -> list[tuple]:
        # Per connection: a backend's converters are bound to the connection they came from.
        found = self._converters.get(connection)
        if found is None:
            found = []
            for name in self.fields:
                column = self._field(name).get_col(self.model._meta.db_table)
                if name in self.raw:
                    found.append((column, []))
                    continue
                converters = connection.ops.get_db_converters(column)
                found.append((column, converters + column.get_db_converters(connection)))
            self._converters[connection] = found
        return found
