"""A province plan's appendix of tasks: model, readers, deadlines, indicator links, merge."""
