"""The agenda planner's widgets: the Ablaufplan page, its table, editor and method library."""
