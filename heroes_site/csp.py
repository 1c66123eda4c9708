"""Content-Security-Policy: settings.CONTENT_SECURITY_POLICY everywhere, widened under /admin/.

The public pages hold no inline script or style at all. The admin's third-party templates
(django-simple-history's history list, django-import-export's export form) carry a few
inline style attributes, so the admin alone allows style *attributes* — never inline
<style> or <script> elements.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from heroes_site.errors import in_admin

ADMIN_POLICY_ADDITIONS = {"style-src-attr": [UNSAFE_INLINE]}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and in_admin(request):
            parts.update = {**ADMIN_POLICY_ADDITIONS, **(parts.update or {})}
        return parts
