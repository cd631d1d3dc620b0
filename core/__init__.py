"""The ground floor: the error tree, the settings class, and the names and keys every layer
shares. It imports nothing of ours, so every other package may import it."""
