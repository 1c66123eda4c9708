"""The API: its routers, and what wraps every operation (outermost first): the limit per
address, the language of the texts, the ``ETag`` and ``304``."""

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from awards.api import comparisons, records, registry, rules
from awards.api.conditional import conditional
from awards.api.language import in_requested_language
from awards.api.throttling import throttled


class ReadOnlyAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """The document lists each operation once, as GET: HEAD is GET without the body
        (RFC 9110), and two operations of one name would make the document invalid."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            operations.pop("head", None)
        return schema


api = ReadOnlyAPI(
    title="Heroes of Labour",
    version="1",
    description=(
        "The published records of the Soviet honorific titles of labour, read-only: every "
        "kind of record with its page, version, passages and both languages (`?lang=ru|en`), "
        "the registry of conferments, the rules of a title on a date and the comparisons. "
        "Lists come a page at a time (`next` and `previous`); answers carry an `ETag`."
    ),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
# Applied in the order added, each around the one before: the last added runs first.
api.add_decorator(conditional, mode="view")
api.add_decorator(in_requested_language, mode="view")
api.add_decorator(throttled, mode="view")

for module in (records, registry, rules, comparisons):
    api.add_router("/", module.router)
