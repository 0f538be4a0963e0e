"""Widgets of the idea board: the scene, its items, the board page and the projector view."""
