"""Pictures drawn for the site (awards.site.illustrations): the medal's page shows its
drawing, described from its record and labelled as an illustration, never a photograph;
a record without a drawing shows none."""

import re
from pathlib import Path

from django.conf import settings

from awards.site.illustrations import MEDAL_ILLUSTRATIONS
from tests.support.public_pages import get_page, visible_text

MEDAL_URL = "/insignia/hammer-and-sickle/"


def _image(html):
    return re.search(r'<img src="([^"]+)"[^>]*alt="([^"]+)"', html, flags=re.S)


def test_the_medal_page_shows_its_drawing_described_and_labelled(client, seeded):
    response = get_page(client, MEDAL_URL)
    src, alt = _image(response.content.decode()).groups()
    assert src == "/static/img/hammer-and-sickle-medal.svg"
    assert alt.startswith("Золотая медаль «Серп и Молот», рисунок: золотая пятиконечная звезда")
    text = visible_text(response)
    assert "Иллюстрация сайта, не фотография" in text
    assert "фото" not in alt


def test_in_english_the_label_says_it_was_drawn_for_the_site(client, seeded):
    response = get_page(client, "/en" + MEDAL_URL)
    _, alt = _image(response.content.decode()).groups()
    assert alt.startswith("Hammer and Sickle gold medal, drawn: a gold five-pointed star")
    assert "Illustration drawn for this site, not a photograph" in visible_text(response)


def test_a_record_without_a_drawing_shows_no_picture(client, seeded):
    html = get_page(client, "/insignia/order-of-lenin/").content.decode()
    assert "<img" not in html.split("<main", 1)[1]


def test_each_drawing_is_a_plain_svg_in_static_files():
    for illustration in MEDAL_ILLUSTRATIONS.values():
        drawing = (Path(settings.BASE_DIR) / "static" / illustration.static_path).read_text()
        assert drawing.startswith("<svg")
        # Served under the site's policy: nothing to run, no styles of its own.
        assert "<script" not in drawing
        assert "<style" not in drawing
        assert f'viewBox="0 0 {illustration.width} {illustration.height}"' in drawing
