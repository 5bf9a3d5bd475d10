"""Every builder of test data, in one place: users and sessions (`records`), PDFs and the
hostile corpus (`pdfs`), generated sample sets uploaded as accountants do (`samples`), and
sessions brought to a given point of a run on a FakeClock (`runs`)."""
