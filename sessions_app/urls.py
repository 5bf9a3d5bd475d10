from django.urls import path

from sessions_app.views import api, health, pages, progress, reports

urlpatterns = [
    path("", pages.session_list, name="session_list"),
    path("sessions/new/", pages.session_new, name="session_new"),
    path("sessions/<uuid:session_id>/", progress.session_detail, name="session_detail"),
    path("sessions/<uuid:session_id>/retry/", progress.session_retry, name="session_retry"),
    path(
        "sessions/<uuid:session_id>/reports/<str:kind>/",
        reports.report_download,
        name="report_download",
    ),
    path("api/sessions/<uuid:session_id>/progress", api.session_progress, name="api_progress"),
    path("healthz", health.healthz, name="healthz"),
]
