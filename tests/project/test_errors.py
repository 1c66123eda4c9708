"""Error pages Django and django-axes build (heroes_site.errors): the lockout after
LOGIN_FAILURE_LIMIT wrong passwords, lifted by a command; the CSRF failure explained."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from awards.records.editors import reset_demo_editor
from tests.support.roles import chief_editors_group

pytestmark = pytest.mark.django_db


LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def account(db):
    return reset_demo_editor(username="throttled-editor")


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def fail_until_locked(client, username):
    return [log_in(client, username, "wrong-password") for _ in range(5)]


def test_five_wrong_passwords_lock_the_login_even_for_the_right_one(client, account):
    username, password = account

    failures = fail_until_locked(client, username)
    locked = log_in(client, username, password)

    assert [response.status_code for response in failures[:4]] == [200] * 4
    assert "Пожалуйста, введите корректные имя пользователя и пароль" in (
        failures[0].content.decode()
    )
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Вход заблокирован" in page
    assert "5 раз подряд" in page
    assert "через 15 минут" in page
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_user_name_and_address(client, account):
    username, _ = account
    other_username, other_password = reset_demo_editor(username="other-editor")
    fail_until_locked(client, username)

    assert log_in(client, other_username, other_password).status_code == 302
    elsewhere = log_in(client, username, "wrong-password")
    assert elsewhere.status_code == 429
    from_another_address = client.post(
        LOGIN, {"username": username, "password": account[1]}, REMOTE_ADDR="10.0.0.7"
    )
    assert from_another_address.status_code == 302


def test_the_unlock_command_lets_the_editor_in_again(client, account):
    username, password = account
    fail_until_locked(client, username)
    assert log_in(client, username, password).status_code == 429

    call_command("axes_reset_username", username)

    assert log_in(client, username, password).status_code == 302
    assert not AccessAttempt.objects.filter(username=username).exists()


def test_the_lockout_ends_after_the_cooling_off_time(client, account):
    username, password = account
    fail_until_locked(client, username)
    AccessAttempt.objects.filter(username=username).update(
        attempt_time=AccessAttempt.objects.get(username=username).attempt_time.replace(year=2000)
    )
    assert log_in(client, username, password).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_failure_limit_is_a_setting(client, account):
    username, password = account
    log_in(client, username, "wrong-password")
    log_in(client, username, "wrong-password")
    assert log_in(client, username, password).status_code == 429


def test_chief_editors_see_the_failed_logins_and_editors_do_not(client, account, editor):
    username, _ = account
    fail_until_locked(client, username)
    chief, _ = reset_demo_editor(username="chief-editor")
    chief_user = get_user_model().objects.get(username=chief)
    chief_user.groups.add(chief_editors_group())

    client.force_login(chief_user)
    attempts = client.get("/admin/axes/accessattempt/")
    failures = client.get("/admin/axes/accessfailurelog/")
    client.force_login(editor)
    refused = client.get("/admin/axes/accessattempt/")

    assert attempts.status_code == 200
    assert username in attempts.content.decode()
    assert failures.status_code == 200
    assert failures.content.decode().count(username) >= 5
    assert refused.status_code == 403


def test_an_admin_form_without_its_token_gets_the_russian_explanation(seeded):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Форма устарела" in page
    assert "ничего не сохранено" in page
    assert "Герои труда: редакция" in page


def test_the_language_switcher_without_its_token_gets_the_explanation():
    """The language switcher is the public form that posts (public pages answer 405)."""
    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert "Форма устарела" in response.content.decode()
