"""Storage: models, engine, migrations, repositories, import/export, backup."""
