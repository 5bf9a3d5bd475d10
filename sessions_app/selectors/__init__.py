"""Read models beside the models: what the pages, the admin and the reports show of a session,
worked out in one place so that each rule (an unmatched charge, a stalled run) is written once."""
