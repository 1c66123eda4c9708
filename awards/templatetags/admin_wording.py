"""The admin's templates' words that agree with their kind of record (awards.admin.wording)."""

from django import template

from awards.admin import wording

register = template.Library()


@register.filter
def counted(number, opts):
    """``{{ cl.result_count|counted:cl.opts }}``: «5 событий»."""
    return wording.counted(opts, number)
