"""The sources and the passages of them that records cite."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from awards.models.base import Record, RecordQuerySet

# The records that cite a passage, each kind under its reverse name on Citation.
CITING_RELATIONS = (
    "cited_by_title",
    "cited_by_decree",
    "cited_by_medal",
    "cited_by_event",
    "cited_by_authority",
    "cited_by_person",
    "cited_by_provision",
)


class SourceQuerySet(RecordQuerySet):
    def for_detail(self):
        return self.published().prefetch_published("citations")


class CitationQuerySet(RecordQuerySet):
    def published(self):
        """Published passages of published sources, each with its source.

        A passage is public only if its source is: the text it quotes must be open to check.
        """
        return super().published().filter(source__published=True).select_related("source")

    def for_detail(self):
        """With the published records that cite each passage, by kind."""
        return self.published().prefetch_published(*CITING_RELATIONS)


class Source(Record):
    name = models.CharField(_("name"), max_length=300)
    author = models.CharField(_("author"), max_length=300, blank=True)
    url = models.URLField(_("address"), blank=True)
    language = models.CharField(_("language of the text"), max_length=10, default="ru")
    text = models.TextField(
        _("text"), blank=True, help_text=_("The full text, so that quotations can be checked.")
    )

    objects = SourceQuerySet.as_manager()

    class Meta(Record.Meta):
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Citation(Record):
    """A passage of a source: the quoted words and where they stand."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    paragraph = models.PositiveSmallIntegerField(_("paragraph"))
    sentence = models.PositiveSmallIntegerField(_("sentence"))
    quote = models.TextField(_("quotation"))

    objects = CitationQuerySet.as_manager()

    # Nothing published may come to cite nothing.
    protected_by = CITING_RELATIONS

    class Meta(Record.Meta):
        ordering = ["source__name", "paragraph", "sentence", "slug"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return _("%(source)s, paragraph %(paragraph)s, sentence %(sentence)s") % {
            "source": self.source,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
        }

    def clean(self):
        super().clean()
        if not self.source_id or not self.source.text or not self.quote_ru:
            return
        if " ".join(self.quote_ru.split()) not in " ".join(self.source.text.split()):
            raise ValidationError(
                {"quote_ru": _("The quotation does not occur in the text of the source.")}
            )

    def place(self) -> str:
        """Where the passage stands in its source: its paragraph and sentence."""
        return _("paragraph %(paragraph)s, sentence %(sentence)s") % {
            "paragraph": self.paragraph,
            "sentence": self.sentence,
        }

    def label(self) -> str:
        """The passage as a picker offers it: its place and the start of its sentence first
        (passages of one source differ there), then its source."""
        return _("%(place)s: «%(start)s» — %(source)s") % {
            "place": self.place(),
            "start": Truncator(self.quote).words(8, truncate="…"),
            "source": self.source,
        }

    def cited_by(self) -> list[tuple[str, list[Record]]]:
        """The records citing the passage: (kind, records) for each kind that has any.

        The passage comes from ``Citation.objects.for_detail()``, which fetches them.
        """
        kinds = []
        for relation in CITING_RELATIONS:
            if records := list(getattr(self, relation).all()):
                kinds.append((records[0]._meta.verbose_name_plural, records))
        return kinds
