"""Demo data: a plausible integration network for presentations, manual testing and reviews.

Everything here is invented. Organisations follow the patterns of the real network so that
search, filters and maps can be judged on realistic content, but names of people are fictitious,
and addresses, e-mail and web addresses use reserved example domains or unassignable numbers.
"""
