"""Training the learned models from benchmark train splits (`sitrep train`)."""
