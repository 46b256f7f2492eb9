"""Referrals (issue 6): a frontline worker or a resident asks for help, the
routing service suggests places and courses, and a partner follows the
referral through to an outcome. See docs/referrals.md."""
