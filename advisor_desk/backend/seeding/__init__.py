"""Demo-data generation for `advisor-desk db seed`: reference rows, member batches, bulk writers."""
