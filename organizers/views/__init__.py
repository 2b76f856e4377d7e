"""The organizers' tools: admin pages that work on one conference, under its URL, one module
for each tool (declared in organizers/tools.py)."""
