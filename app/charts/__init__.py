"""The Altair chart drawn from the shared chart geometry, its legend, sizes and small multiples."""
