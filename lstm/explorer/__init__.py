"""What the explorer page shows, as plain data: its state and link, and the guided lesson's steps."""
