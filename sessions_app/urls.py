from django.urls import path

from sessions_app.views import api, health, pages, progress, reports, review

urlpatterns = [
    # Tried in order: the polled addresses (every open page, every 2 s) come first.
    path("api/sessions/<uuid:session_id>/progress", api.session_progress, name="api_progress"),
    path("sessions/<uuid:session_id>/", progress.session_detail, name="session_detail"),
    path("", pages.session_list, name="session_list"),
    path("sessions/", pages.session_list, name="sessions"),
    path("sessions/new/", pages.session_new, name="session_new"),
    path("sessions/<uuid:session_id>/retry/", progress.session_retry, name="session_retry"),
    path("sessions/<uuid:session_id>/cancel/", progress.session_cancel, name="session_cancel"),
    path(
        "sessions/<uuid:session_id>/reports/<str:kind>/",
        reports.report_download,
        name="report_download",
    ),
    path(
        "sessions/<uuid:session_id>/exports/<str:layout>/",
        reports.export_download,
        name="export_download",
    ),
    path("sessions/<uuid:session_id>/review/", review.session_review, name="session_review"),
    path("sessions/<uuid:session_id>/review/finish/", review.review_finish, name="review_finish"),
    path(
        "sessions/<uuid:session_id>/review/<int:transaction_id>/<str:action>/",
        review.review_action,
        name="review_action",
    ),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", health.favicon, name="favicon"),
]
