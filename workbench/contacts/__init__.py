"""Users, the contact log, follow-ups, findings, snippets, recall sequences, search: plain Python, no Qt."""
