"""Titles compared with each other and with themselves over time (awards.history.comparisons),
computed from provisions."""

import pytest

from awards.core.dates import PartialDate
from awards.history.comparisons import Verdict, compare_dates, compare_titles
from awards.models import Provision, Title


def _title(slug):
    return Title.objects.for_comparison().get(slug=slug)


@pytest.fixture
def socialist_labour(seeded):
    return _title("hero-of-socialist-labour")


def test_twin_titles_share_the_aspects_the_source_says_are_similar(seeded):
    comparison = compare_titles(
        first=_title("hero-of-socialist-labour"), second=_title("hero-of-the-soviet-union")
    )
    verdicts = {row.aspect: row.verdict for row in comparison.aspects}
    for aspect in ("rank", "statute", "insignia", "nomination", "privileges", "order_of_lenin"):
        assert verdicts[aspect] is Verdict.SHARED, aspect
    assert verdicts["foreign_citizens"] is Verdict.DIFFERENT
    assert [row.aspect for row in comparison.different] == ["foreign_citizens"]


def test_an_aspect_stated_for_one_title_only_is_not_called_a_difference(seeded):
    comparison = compare_titles(
        first=_title("hero-of-socialist-labour"), second=_title("hero-of-the-soviet-union")
    )
    verdicts = {row.aspect: row.verdict for row in comparison.aspects}
    assert verdicts["gold_medal"] is Verdict.ONLY_FIRST
    assert verdicts["repeat_awards"] is Verdict.ONLY_FIRST


def test_comparison_rows_follow_the_order_of_the_aspects(seeded):
    comparison = compare_titles(
        first=_title("hero-of-labour"), second=_title("hero-of-socialist-labour")
    )
    order = list(Provision.Aspect)
    positions = [order.index(row.aspect) for row in comparison.aspects]
    assert positions == sorted(positions)


def test_insignia_common_to_two_titles_are_marked_shared(seeded):
    comparison = compare_titles(
        first=_title("hero-of-socialist-labour"), second=_title("hero-of-the-soviet-union")
    )
    verdicts = {row.medal.slug: row.verdict for row in comparison.medals}
    assert verdicts == {
        "hammer-and-sickle": Verdict.ONLY_FIRST,
        "order-of-lenin": Verdict.SHARED,
    }


def test_every_sentence_that_speaks_of_both_titles_is_kept_with_the_comparison(seeded):
    comparison = compare_titles(
        first=_title("hero-of-socialist-labour"), second=_title("hero-of-the-soviet-union")
    )
    # Paragraph 1 compares the titles; "как и Герою Советского Союза" (4.2) speaks of both.
    assert [citation.slug for citation in comparison.common_citations] == [
        "hsl-p1-s1",
        "hsl-p1-s2",
        "hsl-p1-s3",
        "hsl-p4-s2",
    ]


def test_the_summary_counts_every_row_shared_different_or_one_sided(seeded):
    comparison = compare_titles(
        first=_title("hero-of-socialist-labour"), second=_title("hero-of-the-soviet-union")
    )
    counted = len(comparison.shared) + len(comparison.different) + len(comparison.one_sided)
    assert counted == len(comparison.aspects)
    assert (len(comparison.shared), len(comparison.different), len(comparison.one_sided)) == (
        6,
        1,
        4,
    )


def test_the_special_certificate_is_not_called_the_same_as_the_later_certificate(seeded):
    comparison = compare_titles(
        first=_title("hero-of-labour"), second=_title("hero-of-socialist-labour")
    )
    verdicts = {row.aspect: row.verdict for row in comparison.aspects}
    assert verdicts["certificate"] is Verdict.DIFFERENT
    assert comparison.common_citations == []


def test_a_title_at_four_dates_marks_each_change(socialist_labour):
    over_dates = compare_dates(
        title=socialist_labour,
        provisions=list(socialist_labour.provisions.all()),
        dates=[PartialDate(1989), PartialDate(1939), PartialDate(1975), PartialDate(1941)],
    )
    assert [column.date.year for column in over_dates.columns] == [1939, 1941, 1975, 1989]
    rows = {row.aspect: row for row in over_dates.aspects}
    repeat = rows["repeat_awards"]
    assert [[rule.provision.value_key for rule in cell.rules] for cell in repeat.cells] == [
        [],
        ["at-most-3"],
        ["unlimited"],
        ["unlimited"],
    ]
    assert [cell.changed for cell in repeat.cells] == [False, True, True, False]
    assert [cell.changed for cell in rows["repeat_order_of_lenin"].cells] == [
        False,
        False,
        False,
        True,
    ]
    assert rows["rank"].changed is False


def test_a_date_before_the_title_is_marked_as_such(socialist_labour):
    over_dates = compare_dates(
        title=socialist_labour,
        provisions=list(socialist_labour.provisions.all()),
        dates=[PartialDate(1930), PartialDate(1950)],
    )
    assert [column.title_existed for column in over_dates.columns] == [False, True]


def test_provisions_with_equal_keys_are_the_same_rule(make_title, make_provision):
    first, second = make_title(), make_title()
    make_provision(title=first, aspect="order_of_lenin", value_ru="Да", value_key="yes")
    make_provision(title=second, aspect="order_of_lenin", value_ru="Вручался", value_key="yes")
    make_provision(title=second, aspect="certificate", value_key="yes")
    comparison = compare_titles(
        first=Title.objects.for_comparison().get(pk=first.pk),
        second=Title.objects.for_comparison().get(pk=second.pk),
    )
    assert {row.aspect: row.verdict for row in comparison.aspects} == {
        "certificate": Verdict.ONLY_SECOND,
        "order_of_lenin": Verdict.SHARED,
    }


def test_draft_provisions_take_no_part_in_a_comparison(make_title, make_provision):
    first, second = make_title(), make_title()
    make_provision(title=first, aspect="rank", value_key="highest")
    make_provision(title=second, aspect="rank", value_key="highest")
    make_provision(title=second, aspect="foreign_citizens", value_key="yes", published=False)
    comparison = compare_titles(
        first=Title.objects.for_comparison().get(pk=first.pk),
        second=Title.objects.for_comparison().get(pk=second.pk),
    )
    assert [row.aspect for row in comparison.aspects] == ["rank"]


def test_an_aspect_unknown_to_the_choices_sorts_last_instead_of_failing(make_title, make_provision):
    first, second = make_title(), make_title()
    make_provision(title=first, aspect="retired_aspect", value_key="x")
    make_provision(title=second, aspect="rank", value_key="highest")
    comparison = compare_titles(
        first=Title.objects.for_comparison().get(pk=first.pk),
        second=Title.objects.for_comparison().get(pk=second.pk),
    )
    assert [(row.aspect, row.label) for row in comparison.aspects][-1] == (
        "retired_aspect",
        "retired_aspect",
    )
