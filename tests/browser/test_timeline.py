"""The time line read in a browser at a phone's width (390 px, drawn down the page) and a
desktop's (1280 px, drawn across it): every point at its date on the scale the decade
ticks set, nothing outside the picture, no two points on one another, each band's name
inside its band, every point reached with the Tab key and named by its date and record."""

import datetime
import itertools

import pytest

PHONE, DESKTOP = 390, 1280
SHOTS = "/work/shots/timeline"

# The visible drawing's ticks, points, labels and bands, in the page's pixels.
MEASURE = """
() => {
  const svg = [...document.querySelectorAll(".timeline__svg")]
    .find((element) => getComputedStyle(element).display !== "none");
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2};
  };
  const all = (selector, extra) => [...svg.querySelectorAll(selector)]
    .map((element) => ({...box(element), ...extra(element)}));
  return {
    wide: svg.classList.contains("timeline__svg--wide"),
    svg: box(svg),
    ticks: all(".timeline__tick", (e) => ({year: Number(e.dataset.year)})),
    points: all(".timeline__entry",
                (e) => ({date: e.dataset.date, name: e.getAttribute("aria-label")}))
      .map((point, index) => ({...point, ...box(svg.querySelectorAll(".timeline__mark")[index])})),
    drawn: all("text, circle, rect, line", (e) => ({kind: e.getAttribute("class"),
      text: e.textContent.trim().slice(0, 30)})),
    inside: [...svg.querySelectorAll(".timeline__band-label--inside")].map((label) => ({
      label: box(label), band: box(label.parentElement.querySelector(".timeline__band")),
      text: label.textContent.trim()})),
  };
}
"""


def _value(iso_date):
    """A date's place in years, at its first day, as the drawing places it."""
    parts = [int(part) for part in iso_date.split("-")]
    first_day = datetime.date(parts[0], *[*parts[1:], 1, 1][:2])
    return first_day.year + (first_day.timetuple().tm_yday - 1) / 366


def _drawn(page, width, language=""):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{language}/history/")
    return page.evaluate(MEASURE)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_each_point_stands_at_its_date_between_the_decade_ticks(page, width):
    drawn = _drawn(page, width)
    along = "x" if drawn["wide"] else "y"
    assert drawn["wide"] is (width == DESKTOP)
    ticks = sorted((tick["year"], tick[along]) for tick in drawn["ticks"])
    assert len(ticks) >= 2
    assert len(drawn["points"]) == 8
    for point in drawn["points"]:
        value = _value(point["date"])
        # The two ticks around the date (the last two, after the last tick).
        (year, at), (next_year, next_at) = next(
            (pair for pair in itertools.pairwise(ticks) if pair[0][0] <= value < pair[1][0]),
            ticks[-2:],
        )
        expected = at + (value - year) / (next_year - year) * (next_at - at)
        assert abs(point[along] - expected) <= 3, (point["name"], point[along], expected)
    by_date = {point["date"]: point[along] for point in drawn["points"]}
    tick_at = dict(ticks)
    # 27 July 1927 just before 1930, 22 May 1940 just after 1940, 1991 just after 1990.
    assert tick_at[1920] < by_date["1927-07-27"] < tick_at[1930]
    assert by_date["1927-07-27"] - tick_at[1920] > 0.7 * (tick_at[1930] - tick_at[1920])
    assert 0 < by_date["1940-05-22"] - tick_at[1940] < 0.1 * (tick_at[1950] - tick_at[1940])
    assert 0 < by_date["1991"] - tick_at[1990] < 0.15 * (tick_at[1990] - tick_at[1980])


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("language", ["", "/en"])
def test_nothing_leaves_the_picture_points_stand_apart_and_names_stay_in_their_bands(
    page, width, language
):
    drawn = _drawn(page, width, language)
    page.locator("figure.timeline").screenshot(
        path=f"{SHOTS}/test-{(language or '/ru')[1:]}-{width}.png"
    )
    svg = drawn["svg"]
    outside = [
        (element["kind"], element["text"])
        for element in drawn["drawn"]
        if element["left"] < svg["left"] - 0.5
        or element["right"] > svg["right"] + 0.5
        or element["top"] < svg["top"] - 0.5
        or element["bottom"] > svg["bottom"] + 0.5
    ]
    assert outside == []
    touching = [
        (first["name"], second["name"])
        for first, second in itertools.combinations(drawn["points"], 2)
        if first["left"] < second["right"]
        and second["left"] < first["right"]
        and first["top"] < second["bottom"]
        and second["top"] < first["bottom"]
    ]
    assert touching == []
    assert drawn["inside"] or not drawn["wide"]
    for name in drawn["inside"]:
        label, band = name["label"], name["band"]
        assert band["left"] <= label["left"] and label["right"] <= band["right"], name["text"]
        assert band["top"] <= label["top"] and label["bottom"] <= band["bottom"], name["text"]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_an_end_the_source_does_not_give_fades_out_and_says_so(page, width):
    drawn = _drawn(page, width)
    figure = page.locator("figure.timeline")
    assert "окончание в источнике не указано" in figure.locator("svg:visible").text_content()
    fade = figure.locator("svg:visible .timeline__fade")
    assert fade.count() == 1
    along = "x" if drawn["wide"] else "y"
    fade_box = fade.bounding_box()
    fade_end = (
        fade_box["x"] + fade_box["width"] if drawn["wide"] else fade_box["y"] + fade_box["height"]
    )
    tick_at = {tick["year"]: tick[along] for tick in drawn["ticks"]}
    # Hero of Labour: its only dated fact is of 1927; the fade ends long before 1940.
    assert fade_end < tick_at[1940]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_tab_key_reaches_every_point_by_its_name(page, width):
    drawn = _drawn(page, width)
    names = {point["name"] for point in drawn["points"]}
    assert "27 декабря 1938 г.: " in next(name for name in names if name.startswith("27 декабря"))
    reached = set()
    page.locator("body").focus()
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.classList.contains('timeline__entry')"
            " ? document.activeElement.getAttribute('aria-label') : null"
        )
        if focused:
            reached.add(focused)
        if reached == names:
            break
    assert reached == names
