"""A registry list out (awards.exchange.kinds.registry_list.export), and back in unchanged."""

import pytest
from django.core.management import call_command

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, Person
from bench.registry import SYNTHETIC_SURNAME, synthetic_csv

pytestmark = pytest.mark.usefixtures("seeded")


def test_export_then_import_round_trips(tmp_path):
    import_file(kind=RegistryListKind(), data=synthetic_csv(30), file_name="synthetic.csv")
    path = tmp_path / "registry.csv"
    call_command("export_registry", output=str(path))
    Conferment.objects.all().delete()
    call_command("import_registry", str(path))
    assert Conferment.objects.count() == 30
    assert Person.objects.filter(surname_ru__startswith=SYNTHETIC_SURNAME).count() < 30
