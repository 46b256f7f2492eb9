"""Other publishers' Open Referral UK feeds, imported as listings beside the
partners' own (docs/federation.md)."""
