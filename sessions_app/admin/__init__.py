"""The operator's admin: sessions by phase, stalled and failed work and its levers, and the
worker's extraction patterns."""

from django.contrib import admin

from sessions_app.admin.patterns import ExtractionPatternAdmin
from sessions_app.admin.profiles import StatementProfileAdmin
from sessions_app.admin.review import ReviewEventAdmin
from sessions_app.admin.session import SessionAdmin

admin.site.site_header = "Recon administration"
admin.site.site_title = "Recon admin"
admin.site.index_title = "Operations"

__all__ = ["ExtractionPatternAdmin", "ReviewEventAdmin", "SessionAdmin", "StatementProfileAdmin"]
