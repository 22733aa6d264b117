"""How the unit learns: the tutorial's LightningModule, recipes, one run and its worker, histories, price series."""
