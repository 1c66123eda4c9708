"""Uploading an import file to a record's list in the admin, as an editor's browser does."""

from django.core.files.uploadedfile import SimpleUploadedFile

# The choices of the import form's format field.
CSV = "0"
EXCEL_CSV = "1"
XLSX = "2"
JSON = "3"
IMPORT_URL = "/admin/awards/person/import/"
CONFIRM_URL = "/admin/awards/person/process_import/"


def upload(
    client, content: bytes, name: str = "people.csv", file_format: str = CSV, url=IMPORT_URL
):
    """Post a file of people to the import form (its first resource)."""
    return client.post(
        url,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )
