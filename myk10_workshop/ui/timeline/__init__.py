"""The timeline page (chart, table, projector, exports) and the digital agenda's table."""
