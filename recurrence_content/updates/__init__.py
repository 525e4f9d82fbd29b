"""The admin side of new versions merged into edited pages: the conflict panel
on the edit view, its "Use the new version" / "Keep ours" actions, and the
"Content updates" report (docs/updates.md)."""
