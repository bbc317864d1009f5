# A comment line
"""A module docstring."""
def documented():
    """Return forty-two.

    The docstring is the first statement.
    """
    return 42  # trailing comment
class Thing:
    'A one-line class docstring.'
def bare():
    return 1
print(documented(), documented.__doc__)
print(Thing.__doc__)
print(bare.__doc__)
print(__doc__)
