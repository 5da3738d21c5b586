"""The member file and its tabs."""
