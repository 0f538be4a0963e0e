"""The timeline and the digital agenda: phases, milestones, measures, dependencies, baselines.

``rules`` holds the pure date rules (refusals and warnings), ``operations`` every change,
``queries`` the read models of the timeline and the agenda table, ``trace`` where a measure
came from. Qt-free, like every package but ``ui``.
"""
