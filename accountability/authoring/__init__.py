"""Everything that writes a tracker's files: edits, new files, init and schemas."""
