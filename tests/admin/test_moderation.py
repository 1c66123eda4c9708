"""Review of changes to published records in the admin (awards.admin.moderation), per role:
an editor's save becomes a revision, the public page keeps the record until a chief
editor approves it; sending back shows the comment to the editor; only chief editors
decide; a stale revision is refused; the queue and the preview stay behind the login."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from awards import models
from awards.models import PendingRevision
from awards.records.editors import reset_demo_editor
from tests.support.admin_pages import (
    admin_url,
    citation_inline_prefix,
    history_entries,
    open_form,
    page_text,
)
from tests.support.public_pages import visible_text

pytestmark = pytest.mark.django_db

EVENT = "1921-term-hero-of-labour"
OLD_WORDS = "сотни лучших рабочих"
NEW_WORDS = "тысячи лучших рабочих"
SENT = "Изменение отправлено на проверку главному редактору; на сайте пока прежняя версия."


def event():
    return models.Event.objects.get(slug=EVENT)


def public_text() -> str:
    return visible_text(Client().get(event().get_absolute_url()))


def submit_one_word(client, *, words=NEW_WORDS, reason="Уточнено число"):
    url, data = open_form(client, event())
    data["description_ru"] = data["description_ru"].replace(OLD_WORDS, words)
    data["change_reason"] = reason
    return client.post(url, data, follow=True)


def review_url(revision):
    return admin_url(PendingRevision, "change", revision.pk)


@pytest.fixture
def other_editor_client(db):
    username, _ = reset_demo_editor(username="other-editor")
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def chief_client(chief_editor):
    client = Client()
    client.force_login(chief_editor)
    return client


def test_an_editors_save_of_a_published_record_waits_for_review(seeded, editor_client, editor):
    before = event()

    response = submit_one_word(editor_client)

    assert SENT in page_text(response)
    after = event()
    assert (after.description_ru, after.version) == (before.description_ru, before.version)
    assert len(history_entries(after)) == len(history_entries(before))
    assert OLD_WORDS in public_text() and NEW_WORDS not in public_text()
    revision = PendingRevision.objects.get()
    assert (revision.author, revision.reason, revision.base_version) == (
        editor,
        "Уточнено число",
        before.version,
    )
    assert list(revision.values) == ["description_ru"]
    # Back on the form, the editor sees the change waiting.
    text = page_text(response)
    assert "Предложенные изменения этой записи" in text and "ожидает проверки" in text


def test_an_editors_change_of_citations_in_the_inline_waits_too(seeded, editor_client):
    record = event()
    cited = list(record.citations.order_by("pk"))
    url, data = open_form(editor_client, record)
    page = editor_client.get(url)
    prefix = citation_inline_prefix(page)
    inline = next(
        inline
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.prefix == prefix
    )
    removed = inline.formset.forms[0].instance.citation_id
    data[f"{prefix}-0-DELETE"] = "on"

    response = editor_client.post(url, data, follow=True)

    assert SENT in page_text(response)
    assert list(event().citations.order_by("pk")) == cited
    revision = PendingRevision.objects.get()
    assert revision.links == {"citations": [c.pk for c in cited if c.pk != removed]}


def test_a_draft_is_still_edited_directly(seeded, editor_client, make_event):
    draft = make_event(published=False, description_ru="Черновик сотни слов")
    url, data = open_form(editor_client, draft)
    data["description_ru"] = "Черновик тысячи слов"

    editor_client.post(url, data)

    draft.refresh_from_db()
    assert draft.description_ru == "Черновик тысячи слов"
    assert not PendingRevision.objects.exists()


def test_a_chief_editors_save_is_written_at_once(seeded, chief_client):
    response = submit_one_word(chief_client)
    assert SENT not in page_text(response)
    assert NEW_WORDS in event().description_ru
    assert not PendingRevision.objects.exists()


def test_the_queue_shows_the_revision_to_a_chief_editor(seeded, editor_client, chief_client):
    submit_one_word(editor_client)

    response = chief_client.get(admin_url(PendingRevision, "changelist"), follow=True)

    text = page_text(response)
    assert event().name_ru in text and "test-editor" in text and "Событие" in text
    index = page_text(chief_client.get(reverse("admin:index")))
    assert "Изменения на проверке" in index


def test_the_review_page_marks_the_changed_word_alone(seeded, editor_client, chief_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()

    response = chief_client.get(review_url(revision))

    (change,) = response.context["changes"]
    assert change.label == "Описание [ru]"
    page = response.content.decode()
    assert "<del>сотни</del>" in page and "<ins>тысячи</ins>" in page
    assert page.count("<ins>") == 1
    assert "Одобрить и опубликовать" in page_text(response)


def test_approval_puts_the_change_on_the_public_page(seeded, editor_client, chief_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()
    version = event().version

    response = chief_client.post(
        review_url(revision), {"decision": "approve", "comment": ""}, follow=True
    )

    assert "одобрено и уже на сайте" in page_text(response)
    after = event()
    assert NEW_WORDS in after.description_ru and after.version == version + 1
    assert NEW_WORDS in public_text()
    entry = history_entries(after)[0]
    assert entry.history_change_reason == "Одобрено: Уточнено число"
    assert entry.history_user.username == "test-chief-editor"
    revision.refresh_from_db()
    assert revision.state == PendingRevision.State.APPROVED


def test_sending_back_needs_a_comment_and_the_editor_reads_it(seeded, editor_client, chief_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()

    refused = chief_client.post(review_url(revision), {"decision": "send_back", "comment": ""})
    assert refused.status_code == 200
    assert "Напишите, что редактору нужно изменить." in page_text(refused)

    chief_client.post(
        review_url(revision), {"decision": "send_back", "comment": "Укажите источник числа."}
    )

    revision.refresh_from_db()
    assert revision.state == PendingRevision.State.SENT_BACK
    assert OLD_WORDS in event().description_ru
    form = page_text(editor_client.get(admin_url(models.Event, "change", event().pk)))
    assert "Укажите источник числа." in form and "возвращено" in form
    assert "Укажите источник числа." in page_text(editor_client.get(review_url(revision)))


def test_an_editor_cannot_approve_by_post(seeded, editor_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()

    response = editor_client.post(review_url(revision), {"decision": "approve"})

    assert response.status_code == 403
    assert OLD_WORDS in event().description_ru
    revision.refresh_from_db()
    assert revision.state == PendingRevision.State.PENDING
    assert "Одобрить" not in page_text(editor_client.get(review_url(revision)))


def test_editors_see_only_their_own_revisions(seeded, editor_client, other_editor_client):
    submit_one_word(other_editor_client)
    revision = PendingRevision.objects.get()

    queue = editor_client.get(admin_url(PendingRevision, "changelist"), follow=True)
    assert event().name_ru not in page_text(queue)
    assert editor_client.get(review_url(revision)).status_code == 302
    assert other_editor_client.get(review_url(revision)).status_code == 200


def test_the_queue_and_the_preview_are_behind_the_login(seeded, editor_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()
    anonymous = Client()

    for url in (
        admin_url(PendingRevision, "changelist"),
        review_url(revision),
        reverse("awards:revision-preview", args=[revision.pk]),
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_approving_a_stale_revision_is_refused(
    seeded, editor_client, other_editor_client, chief_client
):
    submit_one_word(editor_client)
    submit_one_word(other_editor_client, words="многие лучших рабочих", reason="Иначе")
    first, second = PendingRevision.objects.order_by("pk")
    chief_client.post(review_url(first), {"decision": "approve"})
    approved = event()

    page = chief_client.get(review_url(second))
    assert "Запись изменилась после того, как сделано это изменение" in page_text(page)
    assert "Одобрить и опубликовать" not in page_text(page)
    response = chief_client.post(review_url(second), {"decision": "approve"}, follow=True)

    assert "ничего не записано" in page_text(response)
    after = event()
    assert (after.description_ru, after.version) == (approved.description_ru, approved.version)
    second.refresh_from_db()
    assert second.state == PendingRevision.State.PENDING


def test_the_preview_shows_the_public_page_as_it_would_be(seeded, editor_client, chief_client):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()

    preview = chief_client.get(reverse("awards:revision-preview", args=[revision.pk]))

    text = visible_text(preview)
    # The quotations beside the description keep the words of their source.
    assert "Героями труда были названы тысячи" in text
    assert "Героями труда были названы сотни" not in text
    assert "Предпросмотр изменения, ожидающего проверки" in text
    assert "no-store" in preview["Cache-Control"] and "noindex" in preview["X-Robots-Tag"]
    assert OLD_WORDS in public_text() and NEW_WORDS not in public_text()
    assert editor_client.get(
        reverse("awards:revision-preview", args=[revision.pk])
    ).status_code == (200)


def test_another_editor_cannot_preview_a_revision(seeded, editor_client, other_editor_client):
    submit_one_word(other_editor_client)
    revision = PendingRevision.objects.get()
    response = editor_client.get(reverse("awards:revision-preview", args=[revision.pk]))
    assert response.status_code == 403


def test_a_review_form_without_a_decision_is_an_error_not_a_500(
    seeded, editor_client, chief_client
):
    submit_one_word(editor_client)
    revision = PendingRevision.objects.get()
    response = chief_client.post(review_url(revision), {"decision": "delete-everything"})
    assert response.status_code == 200
    assert OLD_WORDS in event().description_ru


def test_another_name_added_to_a_published_person_waits_and_comes_with_approval(
    seeded, editor_client, chief_client
):
    person = models.Person.objects.get(slug="a-pomansky")
    names = list(person.other_names.values_list("name", flat=True))
    url, data = open_form(editor_client, person)
    prefix = next(
        inline.formset.prefix
        for inline in editor_client.get(url).context["inline_admin_formsets"]
        if inline.formset.model is models.OtherName
    )
    number = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(number + 1)
    data[f"{prefix}-{number}-name"] = "Поманский А. Н."
    data[f"{prefix}-{number}-kind"] = "spelling"

    response = editor_client.post(url, data, follow=True)

    assert SENT in page_text(response)
    assert list(person.other_names.values_list("name", flat=True)) == names
    revision = PendingRevision.objects.get()
    (change,) = chief_client.get(review_url(revision)).context["changes"]
    assert "Поманский А. Н." in change.proposed

    chief_client.post(review_url(revision), {"decision": "approve"})

    assert "Поманский А. Н." in person.other_names.values_list("name", flat=True)


def test_an_editors_return_to_an_older_version_waits_for_review(
    seeded, editor_client, chief_client
):
    first = history_entries(event())[0]
    submit_one_word(chief_client)
    version_url = admin_url(models.Event, "simple_history", event().pk, first.history_id)
    page = editor_client.get(version_url)

    response = editor_client.post(
        version_url, {"base_version": page.context["base_version"]}, follow=True
    )

    assert SENT in page_text(response)
    assert NEW_WORDS in event().description_ru
    revision = PendingRevision.objects.get()
    assert OLD_WORDS in revision.values["description_ru"]
    assert revision.reason.startswith("Возврат к версии от ")

    chief_client.post(review_url(revision), {"decision": "approve"})

    assert OLD_WORDS in event().description_ru


def test_a_published_conferment_changed_by_an_editor_is_reviewed_without_a_preview(
    seeded, editor_client, chief_client
):
    from awards.core.dates import PartialDate
    from tests.support.registry_builders import confer, hero

    conferment = confer(hero(surname="Проверкин"), "1943-03-19")
    url, data = open_form(editor_client, conferment)
    data["note_ru"] = "Указ опубликован в газете"

    response = editor_client.post(url, data, follow=True)

    assert SENT in page_text(response)
    conferment.refresh_from_db()
    assert conferment.note_ru != "Указ опубликован в газете"
    assert conferment.date == PartialDate(1943, 3, 19)
    revision = PendingRevision.objects.get()
    page = chief_client.get(review_url(revision))
    assert page.status_code == 200
    assert "Указ опубликован в газете" in page_text(page)
    assert "Предпросмотр страницы сайта" not in page_text(page)


def test_the_queue_reads_a_fixed_number_of_queries_however_many_changes_wait(
    seeded, chief_client, editor, django_assert_max_num_queries
):
    from awards.records import moderation

    for number in range(30):
        record = event()
        record.description_ru = f"Описание {number}"
        moderation.submit(
            record=record, fields=["description_ru"], base_version=record.version, author=editor
        )

    with django_assert_max_num_queries(12):
        response = chief_client.get(
            admin_url(PendingRevision, "changelist") + "?state__exact=pending"
        )

    assert page_text(response).count(event().name_ru) >= 30


def test_a_background_import_by_an_editor_sends_published_changes_for_review(
    seeded, background, editor_client, editor, django_capture_on_commit_callbacks
):
    from tests.support.job_pages import confirm, start

    person = models.Person.objects.get(slug="a-pomansky")
    lines = ["slug,name_ru,citations", f"{person.slug},Другое имя,hsl-p5-s1"]
    lines += [f"new-person-{number},Человек {number},hsl-p5-s1" for number in range(6)]
    content = ("\n".join(lines) + "\n").encode()

    page_url = start(editor_client, django_capture_on_commit_callbacks, content)
    page = confirm(editor_client, django_capture_on_commit_callbacks, page_url)

    assert "передано на проверку главному редактору" in page_text(page)
    assert models.Person.objects.filter(slug__startswith="new-person-").count() == 6
    person.refresh_from_db()
    assert person.name_ru != "Другое имя"
    revision = PendingRevision.objects.get()
    assert (revision.author, revision.object_id, revision.origin) == (editor, person.pk, "import")
