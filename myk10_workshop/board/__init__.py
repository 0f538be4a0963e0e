"""The idea board: sticky notes, clusters, layout, search and cluster suggestions (Qt-free)."""
