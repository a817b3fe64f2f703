"""The account manager's pages: my day (tasks and the open tickets of their customers)."""
