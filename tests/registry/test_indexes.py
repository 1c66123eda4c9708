"""The registry's lists read one range of an index, at any size: the lists of those
honoured four times and more (a range of the number of awards) read indexes of their own."""

import pytest
from django.db import connection, transaction

from awards.models import Conferment
from awards.models.registry import MANY_TIMES, times_condition
from awards.registry.lines import lines

pytestmark = pytest.mark.usefixtures("seeded")


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        # A small table is read whole and sorted, being cheaper; forbid that to see the
        # plan of a big one.
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("key", "index"),
    [
        ("sort_name_ru", "conferment_many_ru_idx"),
        ("sort_name_en", "conferment_many_en_idx"),
        ("date", "conferment_many_date_idx"),
    ],
)
def test_four_times_and_more_reads_its_own_index_in_each_order(key, index):
    registry = Conferment.objects.for_registry()
    if connection.vendor == "sqlite":
        lists = (lines(registry.repeated(times=4)), lines(registry.filtered(times=4)))
    else:
        # PostgreSQL joins by its statistics, which an empty test database does not have:
        # the conferments' own part of the plan.
        lists = (Conferment.objects.filter(times_condition(MANY_TIMES)).values("pk"),)
    for queryset in lists:
        plan = _plan(queryset.order_by(key, "pk")[:51])
        assert index in plan, plan
