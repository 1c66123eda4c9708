"""The admin's Russian agrees with each kind of record: the add, change and delete messages,
the counts, the page titles and the import's summary (awards.admin.messages, wording)."""

import re

import pytest
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils import translation

from awards import models
from awards.admin import wording
from awards.admin.history import RecordHistoryAdmin
from awards.admin.messages import AgreeingAdmin, import_message
from tests.support.admin_pages import admin_url, form_data, page_text
from tests.support.russian_words import RUSSIAN

WORDS_OF_GENDER = {
    "m": ("добавлен", "изменён", "удалён", "его", "ещё один"),
    "f": ("добавлена", "изменена", "удалена", "её", "ещё одну"),
    "n": ("добавлено", "изменено", "удалено", "его", "ещё одно"),
}
REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)


@pytest.fixture
def russian():
    with translation.override("ru"):
        yield


def test_every_registered_admin_agrees():
    # A kind registered without words would read Django's «… был успешно добавлен».
    assert sorted(RUSSIAN) == REGISTERED
    assert all(
        isinstance(admin_class, AgreeingAdmin) for admin_class in admin.site._registry.values()
    )


class StandIn:
    """A record of a kind with none in the database: the messages need its name and key."""

    def __init__(self, model):
        self._meta = model._meta
        self.pk = 1

    def __str__(self):
        return "Пример «в кавычках»"


def _model(label):
    return next(model for model in admin.site._registry if model._meta.label_lower == label)


def _request(path, data, user):
    request = RequestFactory().post(path, data)
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _said(request):
    return [str(message) for message in get_messages(request)]


def _text(html):
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("label", REGISTERED)
def test_add_change_and_delete_messages_agree(label, russian, db):
    model = _model(label)
    model_admin = admin.site._registry[model]
    gender, _accusative, _counts = RUSSIAN[label]
    user = get_user_model().objects.create_superuser("agreeing", "a@example.org", "x")
    record = model.objects.first() or StandIn(model)
    name = str(model._meta.verbose_name).capitalize()
    shown = str(record).replace("«", "„").replace("»", "“")
    added, changed, deleted, it, another = WORDS_OF_GENDER[gender]
    again = f" Ниже {it} можно изменить снова."
    expected = {
        ("add", ()): f"{name} «{shown}» {added}.",
        ("add", ("_addanother",)): f"{name} «{shown}» {added}. Ниже можно добавить {another}.",
        ("add", ("_continue",)): f"{name} «{shown}» {added}.{again}",
        ("change", ()): f"{name} «{shown}» {changed}.",
        ("change", ("_continue",)): f"{name} «{shown}» {changed}.{again}",
    }
    if model is get_user_model():
        # Django's UserAdmin always goes on to the new user's form.
        expected["add", ()] = expected["add", ("_continue",)]
    if not model_admin.has_change_permission(_request("/", {}, user), record):
        # A record the admin does not edit (an import's log) is not offered for editing.
        expected["add", ("_continue",)] = expected["add", ()]
    for (view, keys), message in expected.items():
        request = _request("/admin/x/", dict.fromkeys(keys, "1"), user)
        if view == "add":
            model_admin.response_add(request, record)
        else:
            model_admin.response_change(request, record)
        assert [_text(said) for said in _said(request)] == [message], (view, keys)
    request = _request("/admin/x/", {}, user)
    model_admin.response_delete(request, str(record), record.pk)
    said = _said(request)
    assert said[0] == f"{name} «{shown}» {deleted}."
    if isinstance(model_admin, RecordHistoryAdmin):
        # A record with a history is told where to recover it from, in the same gender.
        assert _text(said[1]) == f"{it.capitalize()} можно восстановить из истории."
    assert len(said) == 1 + isinstance(model_admin, RecordHistoryAdmin)


@pytest.mark.parametrize("label", REGISTERED)
def test_counts_and_titles_agree(label, russian):
    opts = _model(label)._meta
    _gender, accusative, counts = RUSSIAN[label]
    assert [wording.counted(opts, number) for number in (1, 3, 5)] == list(counts)
    assert wording.counted(opts, 21) == counts[0].replace("1 ", "21 ", 1)
    assert wording.counted(opts, 12) == counts[2].replace("5 ", "12 ", 1)
    assert wording.accusative(opts) == accusative


def test_import_summary_counts_each_number(russian):
    summary = import_message(
        models.Event._meta, {"new": 1, "updated": 3, "deleted": 0, "skipped": 5}
    )
    assert summary == (
        "Импорт завершён: добавлено — 1 событие, изменено — 3 события, удалено — 0 событий, "
        "без изменений — 5 событий."
    )


# Through the admin, as an editor meets them.


def test_adding_an_event_says_it_was_added_in_the_neuter(chief_editor_client, citation):
    url = admin_url(models.Event, "add")
    page = chief_editor_client.get(url)
    assert "<h1>Добавить событие</h1>" in page.content.decode()
    prefix = next(inline.formset.prefix for inline in page.context["inline_admin_formsets"])
    data = form_data(
        page,
        **{
            "slug": "an-event",
            "name_ru": "Событие «Пример»",
            "kind": "other",
            "date_year": "1938",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-citation": citation.pk,
        },
    )
    response = chief_editor_client.post(url, data, follow=True)
    said = [str(m) for m in response.context["messages"] if m.level == messages.SUCCESS]
    url = admin_url(models.Event, "change", models.Event.objects.get(slug="an-event").pk)
    assert said == [f'Событие «<a href="{url}">Событие „Пример“</a>» добавлено.']


def test_lists_count_in_agreement_and_title_in_the_accusative(chief_editor_client):
    page = chief_editor_client.get(admin_url(models.Citation, "changelist"))
    text = page_text(page)
    count = models.Citation.objects.count()
    assert wording.counted(models.Citation._meta, count) in text
    assert "Выберите цитату для изменения" in text
    assert "Добавить цитату" in text
    assert "Удалить выбранные цитаты" in page.content.decode()
    people = page_text(chief_editor_client.get(admin_url(models.Person, "changelist")))
    assert "Добавить человека" in people and "Выберите человека для изменения" in people


def test_publishing_from_the_list_counts_in_agreement(chief_editor_client, make_event):
    events = [make_event(published=False) for _ in range(3)]
    response = chief_editor_client.post(
        admin_url(models.Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk for event in events]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["Опубликовано: 3 события."]


def test_deleting_selected_records_counts_in_agreement(chief_editor_client, make_source):
    sources = [make_source() for _ in range(2)]
    response = chief_editor_client.post(
        admin_url(models.Source, "changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [source.pk for source in sources],
        },
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["Удалено: 2 источника."]


def test_the_delete_page_names_the_record_in_the_accusative(chief_editor_client, make_citation):
    quoted = make_citation()
    text = page_text(chief_editor_client.get(admin_url(models.Citation, "delete", quoted.pk)))
    assert f"Удалить цитату «{quoted}»?" in text


def test_a_day_of_the_month_is_in_the_genitive(russian):
    import datetime

    from django.utils.formats import date_format

    assert date_format(datetime.date(2026, 12, 3), "MONTH_DAY_FORMAT") == "3 декабря"


def test_the_index_names_every_app_in_russian(chief_editor_client, chief_editor):
    chief_editor.is_superuser = True
    chief_editor.save()
    text = page_text(chief_editor_client.get("/admin/"))
    assert "Входы и блокировки" in text and "Фоновые задачи" in text
    assert "Axes" not in text and "Tasks Database Backend" not in text
