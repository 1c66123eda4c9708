"""axe-core on every kind of page: no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/",
    "/en/",
    "/history/",
    "/titles/",
    "/titles/hero-of-socialist-labour/",
    "/decrees/1973-05-14-repeat-awards/",
    "/insignia/hammer-and-sickle/",
    "/events/1988-repeat-order-of-lenin-abolished/",
    "/authorities/presidium-tsik-ussr/",
    "/people/a-pomansky/",
    "/provisions/hero-of-socialist-labour-repeat-awards-limited/",
    "/sources/hero-of-socialist-labour-ru/",
    "/en/citations/hsl-p5-s1/",
    "/compare/heroes/",
    "/compare/?first=hero-of-labour&second=hero-of-socialist-labour",
    "/compare/?first=hero-of-labour&second=hero-of-labour",
    "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1941+1975+1989",
    "/rules/?title=hero-of-socialist-labour&year=1988",
    "/rules/?title=hero-of-socialist-labour&year=1973&month=2&day=30",
    "/search/?q=ленина",
    "/titles/hero-of-socialist-labour/history/",
    "/en/titles/hero-of-socialist-labour/history/",
    "/data/",
    "/no-such-page/",
    # What says what the document leaves out, and the plain answers:
    "/titles/hero-of-the-soviet-union/",
    "/en/titles/hero-of-the-soviet-union/",
    "/rules/?title=hero-of-socialist-labour&year=1900",
    "/compare/dates/?title=hero-of-socialist-labour",
    "/search/",
    "/en/history/",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_or_critical_accessibility_violations(page, axe, url):
    page.goto(url)
    results = axe.run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("url", ["/history/", "/en/history/", "/insignia/hammer-and-sickle/"])
def test_the_phone_layout_has_no_serious_or_critical_violations(page, axe, url):
    # At 390 px the narrow time line is the one drawn, and the drawing stands alone.
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(url)
    results = axe.run(page)
    serious = [
        f"{violation['id']} ({violation['impact']})"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
