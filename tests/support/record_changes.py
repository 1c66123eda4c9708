"""A record changed as the admin changes it, for the tests of its versions."""


def change(record, *, user=None, reason="", **fields):
    """A write as the admin makes it: the fields saved, one history entry with the reason."""
    for name, value in fields.items():
        setattr(record, name, value)
    record._change_reason = reason
    if user is not None:
        record._history_user = user
    record.save()
    return record
