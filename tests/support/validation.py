"""The messages a record's validation gives, by field."""

import pytest
from django.core.exceptions import ValidationError


def errors_of(record) -> dict:
    """The messages of ``record.full_clean()``, which must refuse the record."""
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    return error.value.message_dict
