"""No page breaks its Content-Security-Policy in a real browser: public pages and the admin."""

import pytest

from awards import models
from awards.records.editors import reset_demo_editor
from tests.support.public_pages import LANGUAGES, SITE_PATHS, public_page_paths

# Recorded in the page before any of its own scripts run, so nothing escapes.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched_page(page):
    """The page, with every CSP violation (event or console message) collected per visit."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def visit(path):
        console.clear()
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        assert response.headers.get("content-security-policy"), path
        return response, [*page.evaluate("window.__cspViolations"), *console]

    return page, visit


def test_public_pages_in_both_languages_keep_their_policy(watched_page):
    _, visit = watched_page
    paths = [path for language in LANGUAGES for path in public_page_paths(language=language)]
    violations = {}
    for path in [*paths, *SITE_PATHS, "/no-such-page/", "/en/no-such-page/"]:
        _, found = visit(path)
        if found:
            violations[path] = found
    assert violations == {}


def test_the_admin_screens_keep_their_policy(watched_page):
    page, visit = watched_page
    username, password = reset_demo_editor(username="csp-editor")
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    violations = {}

    _, found = visit("/admin/login/")
    violations["login"] = found
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/admin/")
    screens = {
        "index": "/admin/",
        "change list": "/admin/awards/title/",
        "change form": f"/admin/awards/title/{title.pk}/change/",
        "add form": "/admin/awards/provision/add/",
        "import": "/admin/awards/title/import/",
        "export": "/admin/awards/title/export/",
        "history": f"/admin/awards/title/{title.pk}/history/",
        "import log": "/admin/awards/importlog/",
    }
    for name, path in screens.items():
        response, found = visit(path)
        assert response.status == 200, path
        violations[name] = found
    # The date widgets and inlines run their scripts under the policy too.
    visit(f"/admin/awards/title/{title.pk}/change/")
    page.locator(".add-row a").first.click()
    violations["added inline row"] = page.evaluate("window.__cspViolations")

    assert {name: found for name, found in violations.items() if found} == {}
