"""The registry's counts per title and year (awards.registry_counts), filled from the
conferments already recorded; indexes of a year and a number of awards together."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count


def count(apps, schema_editor):
    alias = schema_editor.connection.alias
    Conferment = apps.get_model("awards", "Conferment")
    ConfermentCount = apps.get_model("awards", "ConfermentCount")
    counted = (
        Conferment.objects.using(alias)
        .filter(published=True, person__published=True)
        .values("title", "year")
        .annotate(number=Count("pk"))
        .order_by()
    )
    ConfermentCount.objects.using(alias).bulk_create(
        ConfermentCount(title_id=row["title"], year=row["year"], count=row["number"])
        for row in counted
    )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0012_search_people_of_the_registry"),
    ]

    operations = [
        migrations.CreateModel(
            name="ConfermentCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("count", models.PositiveIntegerField()),
            ],
            options={
                "ordering": ["year", "title"],
            },
        ),
        migrations.AddIndex(
            model_name="conferment",
            index=models.Index(
                fields=["year", "times", "sort_name_ru", "id"], name="conferment_year_times_ru_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="conferment",
            index=models.Index(
                fields=["year", "times", "sort_name_en", "id"], name="conferment_year_times_en_idx"
            ),
        ),
        migrations.AddField(
            model_name="confermentcount",
            name="title",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="awards.title"
            ),
        ),
        migrations.AddConstraint(
            model_name="confermentcount",
            constraint=models.UniqueConstraint(
                fields=("title", "year"), name="conferment_count_unique"
            ),
        ),
        migrations.RunPython(count, migrations.RunPython.noop),
    ]
