"""The API's interactive docs render in Chromium from the site's own files, within its
Content-Security-Policy."""

from pathlib import Path

import pytest

from tests.browser.test_content_security_policy import watched_page  # noqa: F401

SHOTS = Path("/work/shots/api")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_docs_list_every_operation_and_keep_the_policy(watched_page, width):  # noqa: F811
    page, visit = watched_page
    page.set_viewport_size({"width": width, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response, violations = visit("/api/docs")
    assert response.status == 200
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Heroes of Labour" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".opblock-summary-path").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/conferments/" in {path.strip() for path in paths}
    assert len(paths) == 24
    page.locator(".opblock-summary", has_text="/api/conferments/").first.click()
    page.locator(".opblock-body .parameters").first.wait_for()
    assert page.locator(".opblock-body").first.get_by_text("sort").count() >= 1
    origins = {url.split("/")[2] for url in requests if url.startswith("http")}
    assert len(origins) == 1, origins
    assert violations == []
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"api-docs-{width}.png"), full_page=False)
