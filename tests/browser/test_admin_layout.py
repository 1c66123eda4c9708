"""The admin's pages fit the window: nothing wider than a laptop's or a phone's screen."""

import pytest

from awards import models
from awards.records.editors import reset_demo_editor

WINDOWS = {"laptop": (1280, 800), "phone": (390, 844)}

PAGE_WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


@pytest.fixture
def chief_editors_page(page):
    """The page, logged in as a chief editor: they see every field and action."""
    username, password = reset_demo_editor(username="layout-chief", chief=True)
    page.goto("/admin/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/admin/")
    return page


def admin_screens():
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    return {
        "title change page": f"/admin/awards/title/{title.pk}/change/",
        "title list": "/admin/awards/title/",
        "provision list": "/admin/awards/provision/",
        "title import": "/admin/awards/title/import/",
        "registry list import": "/admin/awards/conferment/import-list/",
        "title history": f"/admin/awards/title/{title.pk}/history/",
        "provision add page": "/admin/awards/provision/add/",
    }


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_no_admin_page_is_wider_than_the_window(chief_editors_page, window):
    page = chief_editors_page
    width, height = WINDOWS[window]
    page.set_viewport_size({"width": width, "height": height})
    too_wide = {}
    for name, path in admin_screens().items():
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        page_width, window_width = page.evaluate(PAGE_WIDTH)
        if page_width > window_width:
            too_wide[name] = page_width
    assert too_wide == {}, f"pages wider than {width} px"
