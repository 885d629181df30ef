"""Monthly PDF reports drawn with reportlab from the engine's chart model."""
