"""The operator's admin for sessions: by phase, stalled and failed work, and its levers."""

from django.contrib import admin

from sessions_app.admin.session import SessionAdmin

admin.site.site_header = "Recon administration"
admin.site.site_title = "Recon admin"
admin.site.index_title = "Operations"

__all__ = ["SessionAdmin"]
