"""The Open Referral UK 3.0 API: read-only open data under /api/oruk/.
See docs/oruk-api.md. The app's ready() imports `places` (access points as
services), `courses` (courses as services), `receivers` (what else forgets
cached answers) and `checks`."""
