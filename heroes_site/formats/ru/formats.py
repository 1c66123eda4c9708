"""Django's Russian formats, corrected where they give a case Russian does not use: a day
of a month is in the genitive («3 декабря», not «3 Декабрь»); the rest is Django's."""

MONTH_DAY_FORMAT = "j E"
