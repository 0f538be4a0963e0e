"""Projects, their workshops and fields of action: what the navigator shows."""
