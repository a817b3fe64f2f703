"""The Customers page: one search box, and the customer card it finds (services/customers.py)."""
