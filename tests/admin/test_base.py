import pytest
from django.urls import reverse
from django.utils import translation

from awards import models
from tests.support.admin_pages import admin_url, change_form_data, form_data, page_text

pytestmark = pytest.mark.django_db

MODELS = models.RECORD_MODELS


def admin_pages(model):
    record = model.objects.order_by("pk").first()
    return [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
        admin_url(model, "history", record.pk),
    ]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_every_admin_page_shows_an_editor_the_record(seeded, editor_client, model):
    record = model.objects.order_by("pk").first()
    with translation.override("ru"):
        name, kind = str(record), str(model._meta.verbose_name)
    changelist, add, change, history = (editor_client.get(url) for url in admin_pages(model))
    for response in (changelist, add, change, history):
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert response.headers["Content-Language"] == "ru"
    assert f'href="{admin_url(model, "change", record.pk)}"' in changelist.content.decode()
    assert f"Добавить {kind}" in page_text(add)
    assert f"Изменить {kind} {name}" in page_text(change)
    history_text = page_text(history)
    assert f"История изменений: {name}" in history_text
    assert "Создано" in history_text and "fixtures" in history_text


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_anonymous_visitors_are_sent_to_login(seeded, client, model):
    for url in admin_pages(model):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_staff_without_permissions_cannot_see_records(seeded, client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    response = client.get(admin_url(models.Title, "changelist"))
    assert response.status_code == 403
    assert "Герой Труда" not in response.content.decode()


def test_change_list_shows_dates_as_known(seeded, editor_client):
    response = editor_client.get(admin_url(models.Event, "changelist"))
    text = response.content.decode()
    assert ">1921<" in text
    assert ">1988<" in text
    title_list = editor_client.get(admin_url(models.Title, "changelist")).content.decode()
    assert "27 декабря 1938 г." in title_list


def test_search_folds_cyrillic_case(seeded, editor_client):
    # "Герой Труда" holds the words only capitalised, in its name alone.
    response = editor_client.get(admin_url(models.Title, "changelist"), {"q": "герой труда"})
    assert "hero-of-labour" in {title.slug for title in response.context["cl"].result_list}


def test_search_finds_lower_case_words_written_in_capitals(seeded, editor_client):
    response = editor_client.get(admin_url(models.Medal, "changelist"), {"q": "СЕРП"})
    found = {medal.slug for medal in response.context["cl"].result_list}
    assert "hammer-and-sickle" in found
    assert "special-certificate-tsik" not in found


def test_decade_filter_spans_precisions(seeded, editor_client):
    response = editor_client.get(admin_url(models.Event, "changelist"), {"date_decade": "1920"})
    slugs = sorted(event.slug for event in response.context["cl"].result_list)
    assert slugs == ["1921-term-hero-of-labour", "1922-red-banner-badge"]


def citation_inline_prefix(response):
    return next(
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if "citation" in inline.formset.prefix.lower()
    )


def post_title(editor_client, **fields):
    url = admin_url(models.Title, "add")
    page = editor_client.get(url)
    prefix = citation_inline_prefix(page)
    citation = models.Citation.objects.first()
    data = form_data(
        page,
        **{
            "slug": "new-title",
            "name_ru": "Новое звание",
            "published": "on",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-citation": str(citation.pk),
        },
    )
    # The editor states each boundary's basis: dated where a date is entered.
    for side in ("established", "abolished"):
        dated = any(name.startswith(f"{side}_on_") and value for name, value in fields.items())
        data[f"{side}_basis"] = "dated" if dated else "unknown"
    data.update(fields)
    return editor_client.post(url, data)


def test_editor_adds_a_title_with_a_citation_and_history_records_who(seeded, editor_client):
    response = post_title(
        editor_client, established_on_year="1927", established_on_month="7", established_on_day="27"
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    title = models.Title.objects.get(slug="new-title")
    assert title.established_on.isoformat() == "1927-07-27"
    assert title.citations.count() == 1
    entry = title.history.get()
    assert entry.history_user.username == "test-editor"


def test_a_record_without_a_citation_is_refused(seeded, editor_client):
    url = admin_url(models.Title, "add")
    page = editor_client.get(url)
    response = editor_client.post(
        url,
        form_data(
            page,
            slug="uncited",
            name_ru="Без ссылки",
            established_basis="unknown",
            abolished_basis="unknown",
        ),
    )
    assert not models.Title.objects.filter(slug="uncited").exists()
    text = page_text(response)
    assert "Пожалуйста, исправьте ошибку ниже." in text
    assert "Пожалуйста, отправьте 1 форму." in text


def test_a_day_without_a_month_gets_a_clear_message(seeded, editor_client):
    response = post_title(editor_client, established_on_year="1927", established_on_day="27")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["established_on"]
    assert errors[0] == "День нельзя указать без месяца."
    assert not models.Title.objects.filter(slug="new-title").exists()


def test_abolition_before_establishment_is_refused_with_a_message(seeded, editor_client):
    response = post_title(
        editor_client,
        established_on_year="1938",
        established_on_month="12",
        established_on_day="27",
        abolished_on_year="1930",
    )
    assert "Звание не может быть упразднено раньше, чем учреждено." in page_text(response)
    assert not models.Title.objects.filter(slug="new-title").exists()


def test_history_view_shows_who_changed_a_record(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    title.name_en = "Hero of Labour (1927)"
    title._history_user = models.Title._meta.apps.get_model("auth", "User").objects.get(
        username="test-editor"
    )
    title.save()
    response = editor_client.get(admin_url(models.Title, "history", title.pk))
    page = response.content.decode()
    assert "test-editor" in page
    assert "Hero of Labour (1927)" in page_text(response)
    assert "<ins> (1927)</ins>" in page
    assert "&rarr;" in page or "→" in page


def test_publish_action_records_each_change_in_history(seeded, chief_editor_client):
    models.Event.objects.filter(slug="1921-term-hero-of-labour").update(published=False)
    event = models.Event.objects.get(slug="1921-term-hero-of-labour")
    response = chief_editor_client.post(
        admin_url(models.Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
        follow=True,
    )
    assert [str(message) for message in response.context["messages"]] == ["Изменено записей: 1."]
    event.refresh_from_db()
    assert event.published
    assert event.history.filter(published=True).exists()


def test_an_admin_edit_of_citations_is_one_history_entry_with_the_change(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    url = admin_url(models.Title, "change", title.pk)
    page = editor_client.get(url)
    data = change_form_data(page)
    prefix = citation_inline_prefix(page)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-{total}-citation"] = models.Citation.objects.get(slug="hsl-p2-s1").pk
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    entries_before = title.history.count()

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert title.history.count() == entries_before + 1
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert [change.field for change in latest.diff_against(previous).changes] == ["citations"]
    assert latest.history_user.username == "test-editor"
    history_page = editor_client.get(admin_url(models.Title, "history", title.pk)).content.decode()
    assert "абзац 2, предложение 1" in history_page


def test_an_admin_save_without_changes_keeps_relations_in_history(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    url = admin_url(models.Title, "change", title.pk)
    response = editor_client.post(url, change_form_data(editor_client.get(url)))
    assert response.status_code == 302
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert latest.diff_against(previous).changes == []


@pytest.mark.parametrize("model", [models.Title, models.ImportLog], ids=["title", "importlog"])
def test_a_search_with_a_nul_character_is_refused_with_a_message(seeded, editor_client, model):
    response = editor_client.get(admin_url(model, "changelist"), {"q": "\x00"})
    assert response.status_code == 200
    assert "Данные содержат запрещённый символ: ноль-байт" in page_text(response)


def test_a_nul_character_in_an_autocomplete_is_ignored(seeded, editor_client):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "\x00", "app_label": "awards", "model_name": "title", "field_name": "predecessor"},
    )
    assert "Герой Труда" in {result["text"] for result in response.json()["results"]}
