"""The load_records command: what it prints."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)


def test_load_records_command_reports_counts(no_records, capsys):
    call_command("load_records")
    call_command("load_records")
    output = capsys.readouterr().out.splitlines()
    assert output == [
        "Records: 61 created, 0 updated, 0 kept as they were.",
        "Records: 0 created, 0 updated, 61 kept as they were.",
    ]
