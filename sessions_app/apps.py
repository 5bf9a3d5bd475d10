from django.apps import AppConfig


class SessionsAppConfig(AppConfig):
    name = "sessions_app"
    verbose_name = "Reconciliation sessions"

    def ready(self) -> None:
        from sessions_app import signals  # noqa: F401  (deletes stored files with their rows)
