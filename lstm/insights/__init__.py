"""What students ask after the first demo: the loss over two weights, and backpropagation through time by day."""
