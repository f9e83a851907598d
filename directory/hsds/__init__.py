"""The published directory as Open Referral HSDS 3.0: the API under /api/hsds/, the data package
of `manage.py export_hsds`, and the vocabulary both share with the importer (docs/hsds.md).
"""
