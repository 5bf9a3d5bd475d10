"""The progress contract of data-model.md: phases, the snapshot schema, its maths, the state
machine and the words that describe a snapshot. The domain's lowest layer: it imports nothing
from the worker or the web."""
