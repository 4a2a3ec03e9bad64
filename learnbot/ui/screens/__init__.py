"""The app's screens, one module each, with its styles in a sibling ``.tcss`` file."""
