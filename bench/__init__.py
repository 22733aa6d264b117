"""`python -m lstm bench` from a checkout: the product's speed against floors measured in the same run."""
