"""The demo editor accounts (awards.records.editors)."""

import pytest
from django.core.management import call_command
from django.http import HttpRequest

pytestmark = pytest.mark.django_db(transaction=False)


def test_demo_editor_can_log_in_with_the_printed_password(seeded, client, capsys):
    call_command("create_demo_editor")
    line = capsys.readouterr().out
    password = line.split("password:")[1].split()[0]
    assert client.login(request=HttpRequest(), username="editor", password=password)
    titles = client.get("/admin/awards/title/").content.decode()
    assert "Герой Социалистического Труда" in titles
