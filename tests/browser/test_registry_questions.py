"""The editor decides, in a real browser, who a row of a registry list names when it may be
a person already recorded: on a phone (390 px) and a laptop (1280 px), without scrolling
sideways and without any script. The people are invented."""

import os

import pytest

from awards.core.dates import PartialDate
from awards.models import ImportJob
from tests.support.registry_builders import hero
from tests.support.registry_lists import registry_csv

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_row_in_question_is_decided_on_the_jobs_page(editor_page, settings, tmp_path, width):
    settings.TASKS = IMMEDIATE
    settings.IMPORT_FILES_ROOT = tmp_path
    person = hero(
        surname="Проверёв",
        given_name="Василий",
        patronymic="Алексеевич",
        born_on=PartialDate(1880, 1, 2),
    )
    listed = tmp_path / "list.csv"
    listed.write_bytes(
        registry_csv(
            {
                "surname_ru": "Проверев",
                "given_name_ru": "В.",
                "patronymic_ru": "А.",
                "born_on": "1880",
                "date": "1950-01-01",
                "published": "0",
            }
        )
    )
    page = editor_page("test-editor")
    page.set_viewport_size({"width": width, "height": 900})

    page.goto("/admin/awards/conferment/import-list/")
    page.locator("input[type=file]").set_input_files(str(listed))
    page.get_by_role("button", name="Загрузить и проверить").click()
    question = page.get_by_role("group", name="Строка 2: Проверев В. А., род. 1880")
    question.wait_for()
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/registry-question-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    choices = question.get_by_role("radio")
    assert choices.count() == 2  # the recorded person, or a new one

    question.get_by_label("уже в реестре: Проверёв Василий Алексеевич", exact=False).check()
    page.get_by_role("button", name="Подтвердить импорт").click()

    page.get_by_role("heading", name="Импортировано").wait_for()
    assert ImportJob.objects.get().status == ImportJob.Status.IMPORTED
    assert person.conferments.count() == 1
