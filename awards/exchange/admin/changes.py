"""What an import's preview shows of each row: only the cells it changes, old → new with the
changed words marked as the edit history marks them (awards.core.diffs), the row's record
named by its slug and name; unchanged rows only counted, and named in a folded list."""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from awards.core.diffs import marked_changes
from awards.exchange.columns import Column, Kind
from awards.exchange.pipeline.report import NEW, UNCHANGED, UPDATED, ImportReport, RowOutcome

# Columns that name a row's record rather than change it: shown above its changes.
IDENTITY_COLUMNS = ("slug", "version")
# The cells that name a record, first found first.
NAME_COLUMNS = ("name_ru", "name_en", "quote_ru", "quote_en")
# A registry list names its people by these (awards.exchange.kinds.registry_list), or by a key.
PERSON_NAME_COLUMNS = ("surname_ru", "given_name_ru", "patronymic_ru")
KEY_COLUMNS = ("slug", "person")


@dataclass(frozen=True)
class CellChange:
    """One changed cell: its column and the values, marked (``old`` None: a new record)."""

    column: str
    new: SafeString
    old: SafeString | None = None


@dataclass(frozen=True)
class RecordRow:
    """A row of the file named by its record (the slug and the name), what it does to it."""

    number: int | None
    slug: str
    name: str
    import_type: str = ""
    cells: list = field(default_factory=list)

    @property
    def action(self) -> str:
        return {
            NEW: _("new record"),
            UPDATED: _("will be changed"),
            UNCHANGED: _("unchanged"),
        }.get(self.import_type, "")


@dataclass
class ChangesPreview:
    rows: list[RecordRow]
    unchanged: list[RecordRow]
    unchanged_count: int = 0
    # Changed rows the import takes but the preview leaves out.
    more_rows: int = 0


def changes_preview(columns: list[Column], report: ImportReport, *, limit: int) -> ChangesPreview:
    """The rows of a checked file as the preview shows them: at most ``limit`` changed ones,
    each with only its changed cells (a new record with its filled ones)."""
    return ChangesPreview(
        rows=[_record_row(columns, outcome) for outcome in report.outcomes[:limit]],
        unchanged=[_record_row(columns, outcome) for outcome in report.unchanged_rows[:limit]],
        unchanged_count=report.unchanged,
        more_rows=max(len(report.outcomes) - limit, 0),
    )


def record_name(values: dict, instance=None) -> str:
    """The name a row gives its record (a registry list's: the person's full name), else
    the record's own (read without a query)."""
    for name in NAME_COLUMNS:
        if values.get(name):
            return str(values[name])
    full_name = " ".join(str(values[part]) for part in PERSON_NAME_COLUMNS if values.get(part))
    if full_name:
        return full_name
    for attribute in ("name", "quote"):
        value = getattr(instance, attribute, None) if instance is not None else None
        if isinstance(value, str) and value:
            return value
    return ""


def record_key(values: dict) -> str:
    """The slug a row names its record by (a registry list's row: its person's key)."""
    return next((str(values[key]) for key in KEY_COLUMNS if values.get(key)), "")


def _record_row(columns: list[Column], outcome: RowOutcome) -> RecordRow:
    cells = []
    for column in columns:
        if column.name in IDENTITY_COLUMNS or column.name not in outcome.values:
            continue
        value = outcome.values[column.name]
        if outcome.import_type == NEW:
            if column.render(value):
                cells.append(CellChange(column=column.name, new=escape(column.render(value))))
        elif outcome.import_type == UPDATED and column.name in outcome.previous:
            old, new = marked_changes(
                _compared(column, outcome.previous[column.name]), _compared(column, value)
            )
            cells.append(CellChange(column=column.name, old=old, new=new))
    return RecordRow(
        number=outcome.number,
        slug=record_key(outcome.values) or getattr(outcome.instance, "slug", ""),
        name=record_name(outcome.values, outcome.instance),
        import_type=outcome.import_type,
        cells=cells,
    )


def _compared(column: Column, value) -> str | list[str]:
    """A cell as its file has it; a many-to-many cell as its slugs, compared slug by slug."""
    if column.kind is Kind.MANY:
        return column.render_native(value)
    return column.render(value)
