"""Official documents: preview, print, save, send to the member, and verification."""
