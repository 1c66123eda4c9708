"""What a field of an admin form is for, where its model says nothing: shown under the field.

Kept in the admin rather than on the models, whose help texts are part of their migrations:
the editors' wording can change without a migration.
"""

from django.utils.translation import gettext_lazy as _

_ACT_NAMED = _("The act, if the source names one; its date must be the boundary's.")

# (model name, field name) → the help text.
HELP_TEXTS = {
    ("title", "established_by"): _ACT_NAMED,
    ("title", "abolished_by"): _ACT_NAMED,
    ("title", "predecessor"): _(
        "The title this one replaced, only where a cited passage says so: the pages link them."
    ),
    ("title", "conferred_by"): _("The bodies that conferred the title."),
    ("medal", "established_by"): _(
        "The act that established the insignia, if the source names it."
    ),
    ("medal", "designer"): _("Who designed the insignia, if the source names them."),
    ("medal", "titles"): _("The titles whose holders received these insignia."),
    ("event", "titles"): _("The titles the event concerns: its page and theirs link each other."),
    ("event", "decrees"): _("The acts the event concerns."),
    ("event", "medals"): _("The insignia the event concerns."),
    ("provision", "aspect"): _(
        "What side of the title the rule is about: titles and dates are compared side by side."
    ),
    ("provision", "start_citation"): _(
        "Only when the rule held from the title's establishment: the passage that says so."
    ),
    ("provision", "end_citation"): _(
        "Only when the rule held until the title's abolition: the passage that says so."
    ),
    ("provision", "start_decree"): _ACT_NAMED,
    ("provision", "end_decree"): _ACT_NAMED,
    ("provision", "start_event"): _("Or the event that set the rule, if the source names one."),
    ("provision", "end_event"): _("Or the event that ended the rule, if the source names one."),
    ("provision", "note"): _("Shown under the period on the provision's page."),
    ("decree", "summary"): _("What the act decided, in a sentence or two: the lead of its page."),
    ("authority", "short_name"): _("The name in short, as in «Президиум ВС СССР»."),
    ("authority", "parent"): _("The body this one is part of."),
    ("citation", "paragraph"): _("Counted from the start of the source's text, the first being 1."),
    ("citation", "sentence"): _("Counted within the paragraph, the first being 1."),
    ("citation", "quote"): _(
        "The sentence word for word as the source's text has it: it is checked against the text."
    ),
    ("source", "language"): _("The code of the text's language: ru, en…"),
    ("conferment", "decree"): _("The act that conferred the title, if the source names it."),
}


def help_text_for(model, field_name: str):
    """The admin's help text for the field, or None where it adds none."""
    return HELP_TEXTS.get((model._meta.model_name, field_name))
