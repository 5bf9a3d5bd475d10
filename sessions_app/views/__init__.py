"""The accountant-facing web: session list, upload, progress page, report downloads and the
progress API. Each module holds the views of one page or resource."""
