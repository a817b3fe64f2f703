"""The key-account reports page (报表): development, revenue, churn, satisfaction and account managers."""
