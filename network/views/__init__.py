"""Member and staff views of the network: accounts, dashboard, profiles, review, members."""
