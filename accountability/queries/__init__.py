"""Pure questions asked of a loaded tracker and its scores: overdue, diff, the committee report, export, CODEOWNERS."""
